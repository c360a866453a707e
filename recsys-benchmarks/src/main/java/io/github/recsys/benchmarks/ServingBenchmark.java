package io.github.recsys.benchmarks;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.TrainingSummary;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
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

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Serving latency: single-user top-10 over {@code items} x {@code factors} (random Gaussian factors
 * from a fixed seed, 20 seen items per user excluded), fold-in of a 50-item user (the k x k solve),
 * fold-in plus top-10, and the batched {@code recommendAll} for 256 users on one thread.
 * Sample-time mode reports percentiles (p0.50, p0.99). {@code topNScalar}
 * forks a JVM with {@code -Drecsys.vector=false} to compare the plain-Java kernel in the same run.
 * <pre>
 * java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar ServingBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServingBenchmark {

    private static final int USERS = 10_000;
    private static final int HISTORIES = 1024;
    private static final int BATCH = 256;

    @Param({"100000"})
    public int items;

    @Param({"64"})
    public int factors;

    @Param({"50"})
    public int foldInItems;

    private AlsRecommender rec;
    private int[][] histories;
    private double[][] weights;
    private int[][] batchUsers;

    /** Per-thread position in the request stream (users and histories cycle). */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        int k = factors;
        float[] x = new float[USERS * k];
        float[] y = new float[items * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float scale = (float) (1 / Math.sqrt(k));
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rnd.nextGaussian() * scale;
        }
        AlsConfig config = AlsConfig.builder().factors(k).regularization(0.1).alpha(1).threads(1).build();
        AlsModel model = AlsModel.of(x, y, k, IdIndex.identity(USERS), IdIndex.identity(items), config,
                new TrainingSummary(0, List.of(), Double.NaN, "none", "bench"));
        int perUser = 20;
        int[] us = new int[USERS * perUser];
        int[] is = new int[USERS * perUser];
        float[] vs = new float[USERS * perUser];
        for (int t = 0; t < us.length; t++) {
            us[t] = t / perUser;
            is[t] = rnd.nextInt(items);
            vs[t] = 1f;
        }
        InteractionMatrix train = InteractionMatrix.fromTriples(USERS, items, us, is, vs, us.length);
        rec = new AlsRecommender(model, train, 1);
        batchUsers = new int[USERS / BATCH][BATCH];
        for (int b = 0; b < batchUsers.length; b++) {
            for (int j = 0; j < BATCH; j++) {
                batchUsers[b][j] = b * BATCH + j;
            }
        }
        histories = new int[HISTORIES][foldInItems];
        weights = new double[HISTORIES][foldInItems];
        for (int h = 0; h < HISTORIES; h++) {
            for (int j = 0; j < foldInItems; j++) {
                histories[h][j] = rnd.nextInt(items);
                weights[h][j] = 1 + rnd.nextInt(5);
            }
        }
    }

    /** Top-10 for the next user, seen items excluded (the scoring kernel chosen at startup). */
    @Benchmark
    public RecommendationList topN(Cursor c) {
        return rec.recommend(c.next++ % USERS, 10, ItemFilter.DEFAULT);
    }

    /** As {@link #topN} with the plain-Java kernel, in a separate JVM. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Drecsys.vector=false")
    public RecommendationList topNScalar(Cursor c) {
        return rec.recommend(c.next++ % USERS, 10, ItemFilter.DEFAULT);
    }

    /** The exact k x k fold-in solve for a 50-item user. */
    @Benchmark
    public float[] foldIn(Cursor c) {
        int h = c.next++ % HISTORIES;
        return rec.foldIn(histories[h], weights[h]);
    }

    /**
     * {@code recommendAll} for 256 users on one thread: the batched path (each item block read once
     * per 32 users). Divide by 256 and compare with {@link #topN} for the batching gain.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RecommendationList[] recommendAll256(Cursor c) {
        return rec.recommendAll(batchUsers[c.next++ % batchUsers.length], 10, ItemFilter.DEFAULT);
    }

    /** Fold-in plus top-10 (the given items excluded). */
    @Benchmark
    public RecommendationList recommendFor(Cursor c) {
        int h = c.next++ % HISTORIES;
        return rec.recommendFor(histories[h], weights[h], 10, null);
    }
}
