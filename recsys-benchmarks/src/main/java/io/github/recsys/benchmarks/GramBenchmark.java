package io.github.recsys.benchmarks;

import io.github.recsys.linalg.FloatKernels;
import io.github.recsys.linalg.Gram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * {@code YᵀY} of a 20,000 x k factor matrix on one thread: recsys' chunked {@link Gram} with the
 * chosen kernels vs {@code naive}, the triple loop over the upper triangle accumulating in double. Run:
 * <pre>
 * java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar GramBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GramBenchmark {

    private static final int ROWS = 20_000;

    @Param({"32", "64", "128"})
    public int factors;

    /** {@code vector} or {@code scalar}: recsys' kernels; {@code naive}: the straightforward loop. */
    @Param({"vector", "scalar", "naive"})
    public String kernel;

    private FloatKernels kernels;
    private float[] y;

    @Setup
    public void setup() {
        kernels = kernel.equals("naive") ? null : AlsKernelChoice.of(kernel);
        SplittableRandom rng = new SplittableRandom(7);
        y = new float[ROWS * factors];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() - 0.5);
        }
    }

    /** The Gram matrix, single-threaded: recsys' chunked kernels, or the naive loop. */
    @Benchmark
    public Object gram() {
        return kernels != null ? Gram.compute(kernels, y, ROWS, factors, null, 1) : naive(y, ROWS, factors);
    }

    /** Straightforward triple loop over rows, then the upper triangle, in double. */
    static double[] naive(float[] y, int rows, int k) {
        double[] g = new double[k * k];
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            for (int a = 0; a < k; a++) {
                double ya = y[o + a];
                for (int b = a; b < k; b++) {
                    g[a * k + b] += ya * y[o + b];
                }
            }
        }
        return g;
    }
}
