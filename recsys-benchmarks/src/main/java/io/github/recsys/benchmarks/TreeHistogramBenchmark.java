package io.github.recsys.benchmarks;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.tree.BinnedFeatures;
import io.github.recsys.conversion.tree.HistogramBuilder;
import io.github.recsys.conversion.tree.SplitCandidate;
import io.github.recsys.conversion.tree.SplitFinder;
import io.github.recsys.conversion.tree.TreeGrower;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The gradient-boosting hot loops on session-shaped binned data (p = 8 columns: 3 numeric with 255
 * quantile bins, 5 categorical; fixed seed): building a histogram over all rows (a root) and over a
 * random half of them in ascending order (a child after partitioning), histogram subtraction,
 * scanning every column's histogram for the best split, and growing a whole depth-6 tree
 * (histograms + subtraction + partitions + split search, one thread).
 *
 * <p>Run: {@code java -jar recsys-benchmarks/target/benchmarks.jar TreeHistogramBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 * (row-columns per second = rows * 8 / reported time for the histogram benchmarks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TreeHistogramBenchmark {

    @Param({"200000"})
    public int rows;

    private BinnedFeatures bins;
    private byte[] codes;
    private int[] offsets;
    private int[] all;
    private int[] half;
    private int halfCount;
    private int[] allFeatures;
    private double[] stats;
    private double[] hist;
    private double[] other;
    private double[] rootHist;
    private SplitFinder finder;
    private SplitCandidate candidate;
    private TreeGrower grower;
    private int[] growRows;
    private int p;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        p = 8;
        double[] v = new double[rows * p];
        double[] y = new double[rows];
        int[] card = {0, 3, 0, 0, 6, 2, 4, 5};
        for (int i = 0; i < rows; i++) {
            int o = i * p;
            v[o] = 18 + r.nextInt(50);
            v[o + 1] = r.nextInt(3);
            v[o + 2] = Math.exp(r.nextGaussian() + 2.5);
            v[o + 3] = r.nextInt(30) + r.nextDouble();
            v[o + 4] = r.nextInt(6);
            v[o + 5] = r.nextInt(2);
            v[o + 6] = r.nextInt(4);
            v[o + 7] = r.nextInt(5);
            double logit = -2 + 0.03 * Math.min(v[o + 2], 60) + 0.05 * v[o + 3] + 0.4 * v[o + 5];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        String[] names = {"age", "device", "time", "pages", "category", "engine", "gender", "location"};
        FeatureMatrix x = FeatureMatrix.wrap(rows, p, v, names, card, y, null);
        bins = BinnedFeatures.build(x, 255, null);
        codes = bins.codes();
        offsets = bins.offsets();
        all = new int[rows];
        half = new int[rows];
        stats = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
            if (r.nextBoolean()) {
                half[halfCount++] = i;
            }
            double pr = 0.3;
            stats[2 * i] = pr - y[i];
            stats[2 * i + 1] = pr * (1 - pr);
        }
        allFeatures = new int[p];
        for (int j = 0; j < p; j++) {
            allFeatures[j] = j;
        }
        hist = new double[2 * bins.totalBins()];
        other = new double[2 * bins.totalBins()];
        rootHist = new double[2 * bins.totalBins()];
        HistogramBuilder.accumulateAll(codes, p, offsets, all, 0, rows, stats, rootHist);
        finder = SplitFinder.forGradients(1.0, 1.0, 10.0, 0.1);
        candidate = new SplitCandidate();
        grower = new TreeGrower(bins, SplitFinder.forGradients(1.0, 1.0, 10.0, 0.1), 6, 0, 0.0, 0.0, 0, null);
        growRows = new int[rows];
    }

    /** Histogram of every row (the root of a tree). */
    @Benchmark
    public double[] histogramAllRows() {
        HistogramBuilder.clear(offsets, allFeatures, 0, p, hist);
        HistogramBuilder.accumulate(codes, p, offsets, all, 0, rows, stats, allFeatures, 0, p, hist);
        return hist;
    }

    /** Histogram of a random half of the rows, visited in ascending order (a child node). */
    @Benchmark
    public double[] histogramHalfRows() {
        HistogramBuilder.clear(offsets, allFeatures, 0, p, hist);
        HistogramBuilder.accumulate(codes, p, offsets, half, 0, halfCount, stats, allFeatures, 0, p, hist);
        return hist;
    }

    /** Parent minus child over all slots (the larger child's histogram). */
    @Benchmark
    public double[] histogramSubtraction() {
        System.arraycopy(rootHist, 0, other, 0, other.length);
        HistogramBuilder.subtract(offsets, allFeatures, 0, p, other, rootHist);
        return other;
    }

    /** Best split over all 8 columns from a root histogram (numeric scans and category sorts). */
    @Benchmark
    public double splitFinding() {
        candidate.reset(0.0);
        for (int j = 0; j < p; j++) {
            finder.evaluateHistogram(j, bins.isCategorical(j), bins.valueBins(j), rootHist, bins.offset(j), candidate);
        }
        return candidate.gain;
    }

    /** A whole depth-6 tree on all rows, one thread. */
    @Benchmark
    public int growDepth6Tree() {
        System.arraycopy(all, 0, growRows, 0, rows);
        grower.grow(growRows, rows, stats, allFeatures, p, null);
        return grower.nodeCount();
    }
}
