package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.FeatureMatrix;
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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Second-order gradient boosting of binned regression trees with logistic loss (the XGBoost
 * {@code hist} method, grown the LightGBM way).
 *
 * <p>Each round computes, per row, the gradient {@code g = (p - y) * w} and hessian
 * {@code h = p (1 - p) * w} of the log loss at the current log-odds ({@code w} = row weight times
 * {@code scalePosWeight} for positives), draws rows ({@code subsample}) and columns
 * ({@code colsample}) with a per-round child of the seeded {@link SplittableRandom}, and grows one
 * tree with {@link TreeGrower}: gain
 * {@code 1/2 [G_L^2/(H_L+lambda) + G_R^2/(H_R+lambda) - G^2/(H+lambda)]}, splits only with gain
 * {@code > gamma} and children with hessian {@code >= minChildWeight}, leaf value
 * {@code -learningRate * G/(H+lambda)}, missing values sent the learned way. The first log-odds is
 * that of the weighted positive rate (clamped to [1e-7, 1 - 1e-7], so a single-class training set
 * still gives a model). With a validation set the log loss is recorded every round; with
 * {@code earlyStoppingRounds > 0} training stops after that many rounds without improvement and the
 * model keeps the best prefix.
 *
 * <p>Parallelism: gradient computation over fixed row chunks, histograms of large nodes over fixed
 * row blocks summed in block order, partitions over row ranges, all with results independent of the
 * thread count (bit-identical
 * models for 1 and N threads). The trainer creates its pool per call and shuts it down.
 * Holds only its config; thread-safe.
 */
public final class GradientBoostingTrainer {

    private static final int CHUNK = 1 << 15;
    private static final double MIN_HESSIAN = 1e-16;
    private static final double RATE_CLAMP = 1e-7;

    private final GradientBoostingConfig config;

    /** A trainer with the given config. */
    public GradientBoostingTrainer(GradientBoostingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The config. */
    public GradientBoostingConfig config() {
        return config;
    }

    /** Fits without a validation set (early stopping must be off). */
    public GradientBoostingModel fit(FeatureMatrix train) {
        return fit(train, null);
    }

    /**
     * Fits the ensemble.
     *
     * @param train      labeled rows (labels 0/1, optional weights)
     * @param validation labeled rows with the same columns for the loss history and early stopping, or null
     * @throws IllegalArgumentException on missing labels, empty data, mismatched columns, or early
     *                                  stopping without a validation set
     */
    public GradientBoostingModel fit(FeatureMatrix train, FeatureMatrix validation) {
        TrainingData.check(train);
        if (validation != null) {
            if (!validation.hasLabels()) {
                throw new IllegalArgumentException("validation matrix has no labels");
            }
            if (validation.cols() != train.cols()) {
                throw new IllegalArgumentException("validation matrix has " + validation.cols()
                        + " columns, training matrix has " + train.cols());
            }
        } else if (config.earlyStoppingRounds() > 0) {
            throw new IllegalArgumentException("earlyStoppingRounds = " + config.earlyStoppingRounds()
                    + " needs a validation set");
        }
        if (config.threads() <= 1) {
            return run(train, validation, null);
        }
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try {
            return pool.invoke(ForkJoinTask.adapt(() -> run(train, validation, pool)));
        } finally {
            pool.shutdown();
        }
    }

    private GradientBoostingModel run(FeatureMatrix train, FeatureMatrix validation, ForkJoinPool pool) {
        GradientBoostingConfig c = config;
        BinnedFeatures bins = BinnedFeatures.build(train, c.maxBins(), pool);
        int n = train.rows();
        int p = train.cols();
        double[] y = train.labels();
        double[] w = new double[n];
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            w[i] = train.weight(i) * (y[i] == 1.0 ? c.scalePosWeight() : 1.0);
            sw += w[i];
            swy += w[i] * y[i];
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("every training row has weight 0");
        }
        double rate = Math.min(1 - RATE_CLAMP, Math.max(RATE_CLAMP, swy / sw));
        double base = Math.log(rate / (1 - rate));
        double[] score = new double[n];
        Arrays.fill(score, base);
        double[] gh = new double[2 * n];
        int[] rows = new int[n];
        int[] active = new int[p];
        int[] perm = new int[p];
        boolean[] inBag = c.subsample() < 1 ? new boolean[n] : null;
        SplitFinder finder = SplitFinder.forGradients(c.lambda(), c.minChildWeight(), c.catSmooth(), c.learningRate());
        TreeGrower grower = new TreeGrower(bins, finder, c.maxDepth(), c.maxLeaves(), 0.0, c.gamma(), 0, pool);
        SplittableRandom master = new SplittableRandom(c.seed());

        double[] vx = null;
        double[] vy = null;
        double[] vw = null;
        double[] vScore = null;
        if (validation != null) {
            vx = validation.rawValues();
            vy = validation.labels();
            vw = validation.weights();
            vScore = new double[validation.rows()];
            Arrays.fill(vScore, base);
        }
        double[] history = new double[c.rounds()];
        int rounds = 0;
        int bestRound = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        List<TreeModel> trees = new ArrayList<>(c.rounds());
        for (int t = 0; t < c.rounds(); t++) {
            SplittableRandom rr = master.split();
            // without row sampling the gradient pass also resets the row order to 0..n-1
            gradients(pool, score, y, w, gh, inBag == null ? rows : null);
            int m;
            if (inBag != null) {
                m = 0;
                for (int i = 0; i < n; i++) {
                    boolean in = rr.nextDouble() < c.subsample();
                    inBag[i] = in;
                    if (in) {
                        rows[m++] = i;
                    }
                }
                if (m == 0) {
                    int i = rr.nextInt(n);
                    inBag[i] = true;
                    rows[m++] = i;
                }
            } else {
                m = n;
            }
            int nActive = p;
            for (int j = 0; j < p; j++) {
                perm[j] = j;
            }
            if (c.colsample() < 1) {
                nActive = Math.max(1, (int) Math.round(c.colsample() * p));
                for (int i = 0; i < nActive; i++) {
                    int j = i + rr.nextInt(p - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                Arrays.sort(perm, 0, nActive);
            }
            System.arraycopy(perm, 0, active, 0, nActive);
            grower.grow(rows, m, gh, active, nActive, null);
            TreeModel tree = grower.toModel();
            grower.addLeafValues(rows, score);
            if (inBag != null) {
                for (int i = 0; i < n; i++) {
                    if (!inBag[i]) {
                        score[i] += tree.predictBinned(bins, i);
                    }
                }
            }
            trees.add(tree);
            rounds++;
            if (vScore != null) {
                double loss = 0;
                double wsum = 0;
                for (int i = 0; i < vScore.length; i++) {
                    vScore[i] += tree.predict(vx, i * p);
                    double wi = vw == null ? 1.0 : vw[i];
                    // log loss from log-odds, stable for large |s|
                    double s = vScore[i];
                    double l = s > 0 ? Math.log1p(Math.exp(-s)) + (1 - vy[i]) * s : Math.log1p(Math.exp(s)) - vy[i] * s;
                    loss += wi * l;
                    wsum += wi;
                }
                loss = wsum > 0 ? loss / wsum : 0;
                history[t] = loss;
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestRound = t;
                } else if (c.earlyStoppingRounds() > 0 && t - bestRound >= c.earlyStoppingRounds()) {
                    break;
                }
            }
        }
        if (vScore == null) {
            bestRound = rounds - 1;
        } else if (c.earlyStoppingRounds() > 0) {
            trees = trees.subList(0, bestRound + 1);
        }
        return new GradientBoostingModel(trees, base, train.names(), c,
                vScore == null ? new double[0] : Arrays.copyOf(history, rounds), bestRound);
    }

    private static void gradients(ForkJoinPool pool, double[] score, double[] y, double[] w, double[] gh,
                                  int[] rows) {
        int n = score.length;
        if (pool == null || n <= CHUNK || !ForkJoinTask.inForkJoinPool()) {
            gradientRange(score, y, w, gh, rows, 0, n);
            return;
        }
        new GradientTask(score, y, w, gh, rows, 0, (n + CHUNK - 1) / CHUNK).invoke();
    }

    /** Gradient pairs of rows [from, to); when {@code rows} is not null, also sets rows[i] = i there. */
    static void gradientRange(double[] score, double[] y, double[] w, double[] gh, int[] rows, int from, int to) {
        if (rows != null) {
            for (int i = from; i < to; i++) {
                rows[i] = i;
            }
        }
        for (int i = from; i < to; i++) {
            double pr = 1.0 / (1.0 + Math.exp(-score[i]));
            double wi = w[i];
            gh[2 * i] = (pr - y[i]) * wi;
            gh[2 * i + 1] = Math.max(pr * (1.0 - pr), MIN_HESSIAN) * wi;
        }
    }

    private static final class GradientTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient double[] score;
        private final transient double[] y;
        private final transient double[] w;
        private final transient double[] gh;
        private final transient int[] rows;
        private final int c0;
        private final int c1;

        GradientTask(double[] score, double[] y, double[] w, double[] gh, int[] rows, int c0, int c1) {
            this.score = score;
            this.y = y;
            this.w = w;
            this.gh = gh;
            this.rows = rows;
            this.c0 = c0;
            this.c1 = c1;
        }

        @Override
        protected void compute() {
            if (c1 - c0 == 1) {
                gradientRange(score, y, w, gh, rows, c0 * CHUNK, Math.min(score.length, (c0 + 1) * CHUNK));
                return;
            }
            int mid = (c0 + c1) >>> 1;
            invokeAll(new GradientTask(score, y, w, gh, rows, c0, mid),
                    new GradientTask(score, y, w, gh, rows, mid, c1));
        }
    }
}
