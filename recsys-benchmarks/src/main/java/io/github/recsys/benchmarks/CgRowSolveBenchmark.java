package io.github.recsys.benchmarks;

import io.github.recsys.als.CgFactorSolver;
import io.github.recsys.linalg.FloatKernels;
import io.github.recsys.linalg.Gram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One CG row solve of implicit ALS (3 steps, warm start), reported in <b>nanoseconds per stored
 * entry</b> of the row ({@link OperationsPerInvocation} = {@link #ROW_NNZ}).
 *
 * <p>Compares recsys' kernels ({@code vector}, {@code scalar}) with {@code naive}, a straightforward
 * scalar loop (separate dot and axpy loops, no unrolling, no fusion, scratch allocated per call) as
 * one would first write it.
 * Inputs come from fixed seeds in {@link #setup()}; the warm start is restored on every call so each
 * call does the same work. Run:
 * <pre>
 * java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar CgRowSolve -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CgRowSolveBenchmark {

    /** Stored entries in the benchmarked row. */
    public static final int ROW_NNZ = 256;
    private static final int ITEMS = 20_000;
    private static final int STEPS = 3;

    @Param({"32", "64", "128"})
    public int factors;

    /** {@code vector} or {@code scalar}: recsys' kernels; {@code naive}: the straightforward loop. */
    @Param({"vector", "scalar", "naive"})
    public String kernel;

    private FloatKernels kernels;
    private boolean naive;
    private float[] y;
    private float[] gram;
    private int[] idx;
    private float[] val;
    private float[] x0;
    private float[] x;
    private CgFactorSolver.Scratch scratch;

    @Setup
    public void setup() {
        naive = kernel.equals("naive");
        kernels = naive ? FloatKernels.scalar() : AlsKernelChoice.of(kernel);
        SplittableRandom rng = new SplittableRandom(42);
        y = new float[ITEMS * factors];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() * 0.2);
        }
        gram = Gram.compute(FloatKernels.scalar(), y, ITEMS, factors, null, 1);
        idx = rng.ints(0, ITEMS).distinct().limit(ROW_NNZ).sorted().toArray();
        val = new float[ROW_NNZ];
        for (int p = 0; p < ROW_NNZ; p++) {
            val[p] = 1 + rng.nextInt(5);
        }
        x0 = new float[factors];
        for (int f = 0; f < factors; f++) {
            x0[f] = (float) (rng.nextDouble() * 0.01);
        }
        x = new float[factors];
        scratch = new CgFactorSolver.Scratch(factors);
    }

    /** One row solve: recsys' CG with the chosen kernels, or the naive loop. */
    @Benchmark
    @OperationsPerInvocation(ROW_NNZ)
    public float[] solveRow() {
        System.arraycopy(x0, 0, x, 0, factors);
        if (naive) {
            naiveSolve(gram, factors, y, idx, val, 1f, 0.1f, STEPS, x);
        } else {
            CgFactorSolver.solveRow(kernels, gram, factors, y, idx, val, 0, ROW_NNZ, 1f, 0.1f, STEPS, 1e-20f, x, 0,
                    scratch);
        }
        return x;
    }

    /** Textbook implicit-ALS CG on one row: plain loops, a fresh dot and axpy per stored entry. */
    static void naiveSolve(float[] g, int k, float[] y, int[] idx, float[] val, float alpha, float reg, int steps,
                           float[] x) {
        float[] r = new float[k];
        float[] p = new float[k];
        float[] ap = new float[k];
        for (int a = 0; a < k; a++) {
            float s = reg * x[a];
            for (int b = 0; b < k; b++) {
                s += g[a * k + b] * x[b];
            }
            r[a] = -s;
        }
        for (int j = 0; j < idx.length; j++) {
            int off = idx[j] * k;
            float d = 0;
            for (int f = 0; f < k; f++) {
                d += y[off + f] * x[f];
            }
            float c = 1 + alpha * val[j] * (1 - d);
            for (int f = 0; f < k; f++) {
                r[f] += c * y[off + f];
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        float rs = 0;
        for (int f = 0; f < k; f++) {
            rs += r[f] * r[f];
        }
        for (int it = 0; it < steps; it++) {
            for (int a = 0; a < k; a++) {
                float s = reg * p[a];
                for (int b = 0; b < k; b++) {
                    s += g[a * k + b] * p[b];
                }
                ap[a] = s;
            }
            for (int j = 0; j < idx.length; j++) {
                int off = idx[j] * k;
                float d = 0;
                for (int f = 0; f < k; f++) {
                    d += y[off + f] * p[f];
                }
                float c = alpha * val[j] * d;
                for (int f = 0; f < k; f++) {
                    ap[f] += c * y[off + f];
                }
            }
            float pap = 0;
            for (int f = 0; f < k; f++) {
                pap += p[f] * ap[f];
            }
            float a = rs / pap;
            float rsNew = 0;
            for (int f = 0; f < k; f++) {
                x[f] += a * p[f];
                r[f] -= a * ap[f];
                rsNew += r[f] * r[f];
            }
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + rsNew / rs * p[f];
            }
            rs = rsNew;
        }
    }
}
