package io.github.recsys.benchmarks;

import io.github.recsys.als.HalfSweep;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.data.SyntheticInteractions;
import io.github.recsys.linalg.FloatKernels;
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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * One CG user half-sweep (Gram + 3 CG steps for every user) on a seeded power-law matrix of
 * 10,000 users x 5,000 items x 1M nonzeros, rank 64. The user factors are restored from a copy on
 * every call (cost: one array copy, under 1% of the sweep), so each call does the same work. Run:
 * <pre>
 * java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar HalfSweep -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HalfSweepBenchmark {

    private static final int USERS = 10_000;
    private static final int ITEMS = 5_000;
    private static final int NNZ = 1_000_000;
    private static final int K = 64;

    @Param({"1", "2"})
    public int threads;

    @Param({"vector", "scalar"})
    public String kernel;

    private FloatKernels kernels;
    private int[] ptr;
    private int[] idx;
    private float[] val;
    private float[] x0;
    private float[] x;
    private float[] y;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setup() {
        kernels = AlsKernelChoice.of(kernel);
        InteractionMatrix m = SyntheticInteractions.powerLaw(USERS, ITEMS, NNZ, 42);
        ptr = new int[USERS + 1];
        idx = new int[m.nnz()];
        val = new float[m.nnz()];
        for (int u = 0; u < USERS; u++) {
            int[] items = m.rowItems(u);
            float[] values = m.rowValues(u);
            System.arraycopy(items, 0, idx, ptr[u], items.length);
            System.arraycopy(values, 0, val, ptr[u], values.length);
            ptr[u + 1] = ptr[u] + items.length;
        }
        SplittableRandom rng = new SplittableRandom(1);
        x0 = new float[USERS * K];
        y = new float[ITEMS * K];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = (float) (rng.nextDouble() * 0.01);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() * 0.3);
        }
        x = new float[x0.length];
        pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** Gram of the item factors plus a CG solve of all 10,000 users. */
    @Benchmark
    public float[] userHalfSweep() {
        System.arraycopy(x0, 0, x, 0, x.length);
        HalfSweep.cg(kernels, ptr, idx, val, USERS, x, y, ITEMS, K, 1f, 0.01f, 0, 3, 1e-20f, pool, threads);
        return x;
    }
}
