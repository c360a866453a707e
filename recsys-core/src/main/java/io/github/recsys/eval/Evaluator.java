package io.github.recsys.eval;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.ItemScorer;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.InteractionMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Scores a {@link Recommender} on held-out data with the {@link RankingMetrics} at a cut-off k.
 *
 * <p>For each user with at least one train item and at least one test item that is not also a train
 * item, the evaluator asks {@code recommend(user, n, ItemFilter.DEFAULT)} (the user's train items
 * excluded) with {@code n = k}, or {@code n = itemCount()} when AUC is on and the recommender is not
 * an {@link ItemScorer} (the whole ranking is needed; for a scorer, AUC comes from its full score
 * vector, see {@link RankingMetrics#aucFromScores}), scores the list against the user's test items and averages over users. Test items the
 * user also has in train are ignored (they can never be recommended). Users are processed in fixed
 * chunks of {@value #CHUNK} on a pool of {@code threads} threads; each user's values are stored in
 * its own slot and reduced in user order, so results are identical for any thread count.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 */
public final class Evaluator {

    /** Users per parallel task. */
    static final int CHUNK = 32;

    private final int k;
    private final int threads;
    private final boolean auc;
    private final boolean perUser;

    private Evaluator(Builder b) {
        this.k = b.k;
        this.threads = b.threads;
        this.auc = b.auc;
        this.perUser = b.perUser;
    }

    /** A builder with k = 10, all available processors, AUC on, no per-user values. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cut-off k. */
    public int k() {
        return k;
    }

    /**
     * Evaluates a recommender trained on {@code split.train().toMatrix()} against {@code split.test()}
     * (diversity NaN).
     */
    public EvaluationResult evaluate(Recommender recommender, Split split) {
        return evaluate(recommender, split.train().toMatrix(), split.test().toMatrix(), null, 0);
    }

    /** As {@link #evaluate(Recommender, InteractionMatrix, InteractionMatrix, float[], int)} without item factors (diversity NaN). */
    public EvaluationResult evaluate(Recommender recommender, InteractionMatrix train, InteractionMatrix test) {
        return evaluate(recommender, train, test, null, 0);
    }

    /**
     * Evaluates {@code recommender}, which was trained on {@code train}, against {@code test}.
     *
     * @param train       the training matrix (defines seen items and item popularity); users x items
     * @param test        the held-out matrix, same shape as {@code train}
     * @param itemFactors items x rank row-major factors for diversity, or null (diversity NaN)
     * @param rank        columns of {@code itemFactors}
     * @throws IllegalArgumentException when shapes disagree
     */
    public EvaluationResult evaluate(Recommender recommender, InteractionMatrix train, InteractionMatrix test,
                                     float[] itemFactors, int rank) {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        int items = train.cols();
        if (test.rows() != train.rows() || test.cols() != items) {
            throw new IllegalArgumentException("test is " + test.rows() + " x " + test.cols() + ", expected the train shape "
                    + train.rows() + " x " + items);
        }
        if (recommender.itemCount() != items) {
            throw new IllegalArgumentException("recommender has " + recommender.itemCount() + " items, train has " + items);
        }
        double[] norms = null;
        if (itemFactors != null) {
            if (rank <= 0 || itemFactors.length != (long) items * rank) {
                throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " values, expected items x rank = "
                        + items + " x " + rank);
            }
            norms = new double[items];
            for (int i = 0; i < items; i++) {
                double s = 0;
                for (int f = 0; f < rank; f++) {
                    double x = itemFactors[i * rank + f];
                    s += x * x;
                }
                norms[i] = Math.sqrt(s);
            }
        }
        // item popularity among train users
        int[] itemUsers = new int[items];
        int trainUsers = 0;
        for (int u = 0; u < train.rows(); u++) {
            if (train.rowLength(u) > 0) {
                trainUsers++;
            }
        }
        for (int i = 0; i < items; i++) {
            itemUsers[i] = train.colLength(i);
        }
        // users to evaluate and their test items
        List<int[]> testLists = new ArrayList<>();
        int[] userBuf = new int[train.rows()];
        int nUsers = 0;
        for (int u = 0; u < train.rows(); u++) {
            if (train.rowLength(u) == 0 || test.rowLength(u) == 0) {
                continue;
            }
            int[] t = test.rowItems(u);
            int w = 0;
            for (int x : t) {
                if (!train.contains(u, x)) {
                    t[w++] = x;
                }
            }
            if (w == 0) {
                continue;
            }
            testLists.add(Arrays.copyOf(t, w));
            userBuf[nUsers++] = u;
        }
        int[] users = Arrays.copyOf(userBuf, nUsers);
        int nm = Metric.values().length;
        double[][] values = new double[nm][nUsers];
        int[][] topK = new int[nUsers][];
        Context ctx = new Context(recommender, train, users, testLists, values, topK, itemFactors, rank, norms,
                itemUsers, trainUsers);
        int chunks = (nUsers + CHUNK - 1) / CHUNK;
        if (threads == 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                ctx.runChunk(c);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>(chunks);
                for (int c = 0; c < chunks; c++) {
                    final int chunk = c;
                    futures.add(pool.submit(() -> ctx.runChunk(chunk)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        // reduce in user order
        EnumMap<Metric, Double> means = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m == Metric.COVERAGE) {
                continue;
            }
            double sum = 0;
            int count = 0;
            double[] v = values[m.ordinal()];
            for (int j = 0; j < nUsers; j++) {
                if (!Double.isNaN(v[j])) {
                    sum += v[j];
                    count++;
                }
            }
            means.put(m, count == 0 ? Double.NaN : sum / count);
        }
        boolean[] seen = new boolean[items];
        int distinct = 0;
        for (int[] list : topK) {
            for (int x : list) {
                if (!seen[x]) {
                    seen[x] = true;
                    distinct++;
                }
            }
        }
        means.put(Metric.COVERAGE, items == 0 || nUsers == 0 ? Double.NaN : (double) distinct / items);
        EnumMap<Metric, double[]> per = null;
        if (perUser) {
            per = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                if (m != Metric.COVERAGE) {
                    per.put(m, values[m.ordinal()]);
                }
            }
        }
        return new EvaluationResult(k, users, means, per);
    }

    /** Everything one evaluation run shares between its chunk tasks (read-only, except per-user slots). */
    private final class Context {
        final Recommender rec;
        final InteractionMatrix train;
        final int[] users;
        final List<int[]> testLists;
        final double[][] values;
        final int[][] topK;
        final float[] itemFactors;
        final int rank;
        final double[] norms;
        final int[] itemUsers;
        final int trainUsers;

        Context(Recommender rec, InteractionMatrix train, int[] users, List<int[]> testLists, double[][] values,
                int[][] topK, float[] itemFactors, int rank, double[] norms, int[] itemUsers, int trainUsers) {
            this.rec = rec;
            this.train = train;
            this.users = users;
            this.testLists = testLists;
            this.values = values;
            this.topK = topK;
            this.itemFactors = itemFactors;
            this.rank = rank;
            this.norms = norms;
            this.itemUsers = itemUsers;
            this.trainUsers = trainUsers;
        }

        void runChunk(int chunk) {
            int from = chunk * CHUNK;
            int to = Math.min(users.length, from + CHUNK);
            int items = train.cols();
            ItemScorer scorer = auc && rec instanceof ItemScorer sc && sc.itemCount() == items ? sc : null;
            double[] scores = scorer != null ? new double[items] : null;
            double[] negatives = scorer != null ? new double[items] : null;
            double[] positives = scorer != null ? new double[items] : null;
            byte[] mark = scorer != null ? new byte[items] : null; // 1 = train, 2 = test
            for (int j = from; j < to; j++) {
                int u = users[j];
                int[] test = testLists.get(j);
                int n = auc && scorer == null ? items : k;
                RecommendationList list = rec.recommend(u, n, ItemFilter.DEFAULT);
                int[] recs = list.items();
                int len = recs.length;
                topK[j] = Arrays.copyOf(recs, Math.min(k, len));
                values[Metric.PRECISION.ordinal()][j] = RankingMetrics.precision(recs, len, k, test);
                values[Metric.RECALL.ordinal()][j] = RankingMetrics.recall(recs, len, k, test);
                values[Metric.MAP.ordinal()][j] = RankingMetrics.averagePrecision(recs, len, k, test);
                values[Metric.NDCG.ordinal()][j] = RankingMetrics.ndcg(recs, len, k, test);
                values[Metric.HIT_RATE.ordinal()][j] = RankingMetrics.hitRate(recs, len, k, test);
                if (scorer != null) {
                    values[Metric.AUC.ordinal()][j] = scoreAuc(scorer, u, test, scores, negatives, positives, mark, train);
                } else {
                    values[Metric.AUC.ordinal()][j] = auc
                            ? RankingMetrics.auc(recs, len, items - train.rowLength(u), test) : Double.NaN;
                }
                values[Metric.DIVERSITY.ordinal()][j] = itemFactors != null
                        ? RankingMetrics.intraListDiversity(recs, len, k, itemFactors, rank, norms) : Double.NaN;
                values[Metric.NOVELTY.ordinal()][j] = RankingMetrics.novelty(recs, len, k, itemUsers, trainUsers);
                values[Metric.COVERAGE.ordinal()][j] = Double.NaN;
            }
        }
    }

    /** AUC of one user from the full score vector; the scratch arrays have one slot per item, mark is all 0 on entry and exit. */
    private double scoreAuc(ItemScorer scorer, int u, int[] test, double[] scores, double[] negatives,
                            double[] positives, byte[] mark, InteractionMatrix train) {
        scorer.scoreAll(u, scores);
        int[] seen = train.rowItems(u);
        for (int i : seen) {
            mark[i] = 1;
        }
        for (int i : test) {
            mark[i] = 2;
        }
        int nn = 0;
        int np = 0;
        for (int i = 0; i < scores.length; i++) {
            if (mark[i] == 0) {
                negatives[nn++] = scores[i];
            } else if (mark[i] == 2) {
                positives[np++] = scores[i];
            }
        }
        for (int i : seen) {
            mark[i] = 0;
        }
        for (int i : test) {
            mark[i] = 0;
        }
        Arrays.sort(positives, 0, np);
        return RankingMetrics.aucFromScores(negatives, nn, positives, np);
    }

    /** Builder for {@link Evaluator}; not thread-safe. */
    public static final class Builder {
        private int k = 10;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean auc = true;
        private boolean perUser;

        private Builder() {
        }

        /** The cut-off, {@code >= 1} (default 10). */
        public Builder k(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, was " + k);
            }
            this.k = k;
            return this;
        }

        /** Worker threads, {@code >= 1} (default: available processors). Results do not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Whether to compute AUC, which ranks every candidate item per user (default true). */
        public Builder auc(boolean auc) {
            this.auc = auc;
            return this;
        }

        /** Whether to keep each user's values (default false). */
        public Builder perUser(boolean perUser) {
            this.perUser = perUser;
            return this;
        }

        /** The evaluator. */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
