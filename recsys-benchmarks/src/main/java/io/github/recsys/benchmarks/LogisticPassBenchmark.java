package io.github.recsys.benchmarks;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.linear.LogisticObjective;
import io.github.recsys.conversion.linear.LogisticRegressionConfig;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One pass of the logistic-regression objective over n rows x p columns: loss + gradient (what an
 * L-BFGS iteration costs) and loss + gradient + Hessian (what a Newton iteration costs). Data shaped
 * like one-hot session features (3 standard-normal columns, the rest 0/1 indicators), fixed seed.
 *
 * <p>Run: {@code java -jar recsys-benchmarks/target/benchmarks.jar LogisticPassBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 * (rows/s = rows / reported time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LogisticPassBenchmark {

    @Param({"500000"})
    public int rows;

    @Param({"22", "100"})
    public int cols;

    @Param({"1", "2"})
    public int threads;

    private LogisticObjective objective;
    private double[] beta;
    private double[] grad;
    private double[] hess;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        double[] x = new double[rows * cols];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = j < 3 ? r.nextGaussian() : (r.nextDouble() < 0.2 ? 1 : 0);
            }
            y[i] = r.nextDouble() < 0.12 ? 1 : 0;
        }
        String[] names = new String[cols];
        for (int j = 0; j < cols; j++) {
            names[j] = "f" + j;
        }
        FeatureMatrix m = FeatureMatrix.wrap(rows, cols, x, names, null, y, null);
        objective = LogisticObjective.of(m, LogisticRegressionConfig.builder().threads(threads).build());
        beta = new double[cols + 1];
        for (int j = 0; j <= cols; j++) {
            beta[j] = 0.01 * (j % 7) - 0.03;
        }
        grad = new double[cols + 1];
        hess = new double[(cols + 1) * (cols + 1)];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        objective.close();
    }

    /** Loss and gradient: one L-BFGS evaluation. */
    @Benchmark
    public double gradientPass() {
        return objective.evaluate(beta, grad, null);
    }

    /** Loss, gradient and Hessian: one Newton evaluation. */
    @Benchmark
    public double gradientAndHessianPass() {
        return objective.evaluate(beta, grad, hess);
    }
}
