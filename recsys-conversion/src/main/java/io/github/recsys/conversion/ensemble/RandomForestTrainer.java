package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.tree.BinnedFeatures;
import io.github.recsys.conversion.tree.SplitFinder;
import io.github.recsys.conversion.tree.TrainingData;
import io.github.recsys.conversion.tree.TreeGrower;
import io.github.recsys.conversion.tree.TreeModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Trains a random forest of CART trees on binned features (built once, shared by all trees).
 *
 * <p>Tree {@code t} draws its rows (bootstrap with replacement, multiplicities becoming row weights,
 * or a subsample without replacement) and its per-node column samples ({@code maxFeatures},
 * default {@code round(sqrt(p))}) from its own {@link SplittableRandom}, seeded with the t-th value
 * drawn from the config seed, so trees are the same whatever the thread count; trees are grown in
 * parallel, each by one thread. The out-of-bag AUC scores every training row with the mean of the
 * trees that did not draw it. Out-of-bag rows are grown along with the tree as rows with zero
 * statistics (they change no histogram sum and no split), so each one's leaf is known without a
 * traversal; sums are kept in fixed point so they do not depend on which thread grew which tree.
 *
 * <p>Holds only its config; thread-safe. The pool is created per call and shut down.
 */
public final class RandomForestTrainer {

    /** Fixed-point scale of out-of-bag sums (leaf values are in [0, 1]; 2^40 keeps 12 decimal digits). */
    private static final double OOB_SCALE = 0x1p40;

    private final RandomForestConfig config;

    /** A trainer with the given config. */
    public RandomForestTrainer(RandomForestConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The config. */
    public RandomForestConfig config() {
        return config;
    }

    /**
     * Fits the forest.
     *
     * @param train labeled rows (labels 0/1, optional weights)
     * @throws IllegalArgumentException on missing labels or empty data
     */
    public RandomForestModel fit(FeatureMatrix train) {
        TrainingData.check(train);
        RandomForestConfig c = config;
        ForkJoinPool pool = c.threads() > 1 ? new ForkJoinPool(c.threads()) : null;
        try {
            return run(train, pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private RandomForestModel run(FeatureMatrix train, ForkJoinPool pool) {
        RandomForestConfig c = config;
        BinnedFeatures bins = BinnedFeatures.build(train, c.maxBins(), pool);
        int n = train.rows();
        int p = train.cols();
        int mtry = c.maxFeatures() > 0 ? Math.min(c.maxFeatures(), p) : Math.max(1, (int) Math.round(Math.sqrt(p)));
        double[] base = TrainingData.labelStats(train);
        SplittableRandom master = new SplittableRandom(c.seed());
        long[] seeds = new long[c.trees()];
        for (int t = 0; t < seeds.length; t++) {
            seeds[t] = master.nextLong();
        }
        TreeModel[] trees = new TreeModel[c.trees()];
        boolean oob = c.oobScore();
        SplitFinder finder = SplitFinder.forCriterion(c.criterion(), c.minSamplesLeaf());
        ConcurrentLinkedQueue<Worker> workers = new ConcurrentLinkedQueue<>();
        if (pool == null) {
            Worker wk = new Worker(bins, finder, mtry, base, oob);
            for (int t = 0; t < trees.length; t++) {
                trees[t] = wk.grow(seeds[t], t);
            }
            workers.add(wk);
        } else {
            List<Callable<Void>> tasks = new ArrayList<>(trees.length);
            for (int t = 0; t < trees.length; t++) {
                final int tree = t;
                tasks.add(() -> {
                    Worker wk = workers.poll();
                    if (wk == null) {
                        wk = new Worker(bins, finder.copy(), mtry, base, oob);
                    }
                    try {
                        trees[tree] = wk.grow(seeds[tree], tree);
                    } finally {
                        workers.add(wk);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training trees", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error er) {
                        throw er;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
        double oobAuc = Double.NaN;
        int oobRows = 0;
        if (oob) {
            // fixed-point sums are exact, so adding the workers' partial sums in any order gives the
            // same result for every thread count
            long[] sum = new long[n];
            int[] cnt = new int[n];
            for (Worker wk : workers) {
                for (int i = 0; i < n; i++) {
                    sum[i] += wk.oobSum[i];
                    cnt[i] += wk.oobCount[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (cnt[i] > 0) {
                    oobRows++;
                }
            }
            double[] labels = new double[oobRows];
            double[] scores = new double[oobRows];
            int k = 0;
            boolean pos = false;
            boolean neg = false;
            for (int i = 0; i < n; i++) {
                if (cnt[i] > 0) {
                    labels[k] = train.label(i);
                    scores[k++] = sum[i] / OOB_SCALE / cnt[i];
                    pos |= train.label(i) == 1.0;
                    neg |= train.label(i) == 0.0;
                }
            }
            if (pos && neg) {
                oobAuc = ClassificationMetrics.rocAuc(labels, scores);
            }
        }
        return new RandomForestModel(Arrays.asList(trees), train.names(), c, oobAuc, oobRows);
    }

    /** Per-thread workspace: a grower plus row, statistic and multiplicity arrays. */
    private final class Worker {
        private final TreeGrower grower;
        private final int[] rows;
        private final double[] stats;
        private final int[] mult;
        private final double[] base;
        private final int[] all;
        private final int n;
        final long[] oobSum;
        final int[] oobCount;
        private final double[] leaf;

        Worker(BinnedFeatures bins, SplitFinder finder, int mtry, double[] base, boolean oob) {
            RandomForestConfig c = config;
            this.n = bins.rows();
            this.oobSum = oob ? new long[n] : null;
            this.oobCount = oob ? new int[n] : null;
            this.leaf = oob ? new double[n] : null;
            this.grower = new TreeGrower(bins, finder, c.maxDepth(), 0, c.minSamplesSplit(), c.minImpurityDecrease(),
                    mtry, null);
            this.rows = new int[n];
            this.stats = new double[2 * n];
            this.mult = new int[n];
            this.base = base;
            this.all = new int[bins.cols()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
        }

        TreeModel grow(long seed, int t) {
            RandomForestConfig c = config;
            SplittableRandom rng = new SplittableRandom(seed);
            Arrays.fill(mult, 0);
            int k = Math.max(1, (int) Math.round(c.sampleFraction() * n));
            if (c.bootstrap()) {
                for (int i = 0; i < k; i++) {
                    mult[rng.nextInt(n)]++;
                }
            } else {
                int need = k;
                for (int i = 0; i < n && need > 0; i++) {
                    if (rng.nextInt(n - i) < need) {
                        mult[i] = 1;
                        need--;
                    }
                }
            }
            int m = 0;
            int inBag = 0;
            boolean oob = oobSum != null;
            for (int i = 0; i < n; i++) {
                int mu = mult[i];
                if (mu > 0 && base[2 * i + 1] > 0) {
                    rows[m++] = i;
                    stats[2 * i] = base[2 * i] * mu;
                    stats[2 * i + 1] = base[2 * i + 1] * mu;
                    inBag++;
                } else if (mu == 0 && oob) {
                    // out-of-bag rows ride along with zero statistics: they change no sum, and the
                    // leaf ranges then tell which leaf each one falls in
                    rows[m++] = i;
                    stats[2 * i] = 0.0;
                    stats[2 * i + 1] = 0.0;
                }
            }
            if (inBag == 0) {
                throw new IllegalArgumentException("tree " + t + " drew only rows of weight 0; check the row weights");
            }
            grower.grow(rows, m, stats, all, all.length, rng);
            TreeModel tree = grower.toModel();
            if (oob) {
                grower.leafValues(rows, leaf);
                for (int i = 0; i < n; i++) {
                    if (mult[i] == 0) {
                        oobSum[i] += Math.round(leaf[i] * OOB_SCALE);
                        oobCount[i]++;
                    }
                }
            }
            return tree;
        }
    }
}
