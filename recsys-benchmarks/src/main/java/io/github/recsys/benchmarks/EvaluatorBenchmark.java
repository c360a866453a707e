package io.github.recsys.benchmarks;

import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.data.SyntheticInteractions;
import io.github.recsys.eval.EvaluationResult;
import io.github.recsys.eval.Evaluator;
import io.github.recsys.eval.Split;
import io.github.recsys.eval.Splits;
import io.github.recsys.popularity.PopularityModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One {@link Evaluator} pass (single thread) over a seeded power-law data set split 80/20 per user,
 * scoring a popularity recommender: the per-user metric loops, with and without AUC (which scans and
 * sorts every candidate's score per user).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar
 * EvaluatorBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class EvaluatorBenchmark {

    /** Whether AUC is computed. */
    @Param({"false", "true"})
    public boolean auc;

    /** Number of items (users = items / 2, 20 interactions per user on average). */
    @Param({"5000"})
    public int items;

    private InteractionMatrix train;
    private InteractionMatrix test;
    private PopularityModel popularity;
    private Evaluator evaluator;

    /** Builds the seeded data, split and recommender. */
    @Setup(Level.Trial)
    public void setup() {
        int users = items / 2;
        InteractionMatrix all = SyntheticInteractions.powerLaw(users, items, 20L * users, 7);
        int[] u = new int[all.nnz()];
        int[] i = new int[all.nnz()];
        float[] v = new float[all.nnz()];
        int t = 0;
        for (int r = 0; r < all.rows(); r++) {
            for (int c : all.rowItems(r)) {
                u[t] = r;
                i[t] = c;
                v[t++] = 1;
            }
        }
        Split split = Splits.perUserHoldout(InteractionLog.of(all.rows(), all.cols(), u, i, v, null), 0.2, 11);
        train = split.train().toMatrix();
        test = split.test().toMatrix();
        popularity = PopularityModel.distinctUsers(train);
        evaluator = Evaluator.builder().threads(1).auc(auc).build();
    }

    /** Evaluates every test user. */
    @Benchmark
    public EvaluationResult evaluate() {
        return evaluator.evaluate(popularity, train, test);
    }
}
