package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.tree.BinnedFeatures;

import static io.github.recsys.internal.Checks.atLeast;
import static io.github.recsys.internal.Checks.fraction;
import static io.github.recsys.internal.Checks.nonNegative;
import static io.github.recsys.internal.Checks.positive;

/**
 * Hyperparameters of second-order gradient boosting with logistic loss (XGBoost's {@code hist} method). Validated on construction (messages name the parameter and the value); build with
 * {@link #builder()}, whose defaults are listed per parameter.
 *
 * @param rounds boosting rounds (trees), &gt;= 1 (default 100)
 * @param learningRate shrinkage eta applied to every leaf value, in (0, 1] (default 0.1)
 * @param maxDepth maximum depth (root = 0); 0 = unlimited, then {@code maxLeaves} must be set (default 6)
 * @param maxLeaves maximum leaves per tree, grown best-first (leaf-wise, LightGBM's num_leaves); 0 = no bound, depth-wise (default 0)
 * @param lambda L2 penalty on leaf weights, &gt;= 0 (default 1)
 * @param gamma minimum split gain (loss reduction), &gt;= 0 (default 0)
 * @param minChildWeight minimum hessian sum per child, &gt;= 0 (default 1)
 * @param subsample fraction of rows drawn (without replacement) for each tree, in (0, 1] (default 1)
 * @param colsample fraction of columns drawn for each tree, in (0, 1] (default 1)
 * @param maxBins value bins per numeric column, in [2, 255] (default 255)
 * @param earlyStoppingRounds stop when the validation log loss has not improved for this many rounds and keep the best prefix; 0 = off (default 0)
 * @param scalePosWeight weight multiplier of positive rows, &gt; 0 (default 1)
 * @param catSmooth smoothing added to hessian sums when ordering categories, &gt;= 0 (default 10)
 * @param threads worker threads, &gt;= 1; results do not depend on it (default 1)
 * @param seed seed of row and column sampling (default 0)
 */
public record GradientBoostingConfig(int rounds, double learningRate, int maxDepth, int maxLeaves, double lambda, double gamma, double minChildWeight, double subsample, double colsample, int maxBins, int earlyStoppingRounds, double scalePosWeight, double catSmooth, int threads, long seed) {

    /** Validates every field. */
    public GradientBoostingConfig {
        atLeast("rounds", rounds, 1);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], was " + learningRate);
        }
        atLeast("maxDepth", maxDepth, 0);
        atLeast("maxLeaves", maxLeaves, 0);
        if (maxLeaves == 1) {
            throw new IllegalArgumentException("maxLeaves must be 0 (unbounded) or >= 2, was 1");
        }
        if (maxDepth == 0 && maxLeaves == 0) {
            throw new IllegalArgumentException("maxDepth and maxLeaves are both 0 (unbounded); set at least one");
        }
        nonNegative("lambda", lambda);
        nonNegative("gamma", gamma);
        nonNegative("minChildWeight", minChildWeight);
        fraction("subsample", subsample);
        fraction("colsample", colsample);
        BinnedFeatures.checkMaxBins(maxBins);
        atLeast("earlyStoppingRounds", earlyStoppingRounds, 0);
        positive("scalePosWeight", scalePosWeight);
        nonNegative("catSmooth", catSmooth);
        atLeast("threads", threads, 1);
    }

    /** A builder with the defaults listed on the record. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int rounds = 100;
        private double learningRate = 0.1;
        private int maxDepth = 6;
        private int maxLeaves = 0;
        private double lambda = 1.0;
        private double gamma = 0.0;
        private double minChildWeight = 1.0;
        private double subsample = 1.0;
        private double colsample = 1.0;
        private int maxBins = 255;
        private int earlyStoppingRounds = 0;
        private double scalePosWeight = 1.0;
        private double catSmooth = 10.0;
        private int threads = 1;
        private long seed = 0L;

        private Builder() {
        }

        /** Sets {@link GradientBoostingConfig#rounds()}. */
        public Builder rounds(int v) {
            rounds = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#learningRate()}. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#maxDepth()}. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#maxLeaves()}. */
        public Builder maxLeaves(int v) {
            maxLeaves = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#lambda()}. */
        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#gamma()}. */
        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#minChildWeight()}. */
        public Builder minChildWeight(double v) {
            minChildWeight = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#subsample()}. */
        public Builder subsample(double v) {
            subsample = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#colsample()}. */
        public Builder colsample(double v) {
            colsample = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#maxBins()}. */
        public Builder maxBins(int v) {
            maxBins = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#earlyStoppingRounds()}. */
        public Builder earlyStoppingRounds(int v) {
            earlyStoppingRounds = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#scalePosWeight()}. */
        public Builder scalePosWeight(double v) {
            scalePosWeight = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#catSmooth()}. */
        public Builder catSmooth(double v) {
            catSmooth = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#threads()}. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Sets {@link GradientBoostingConfig#seed()}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The validated config. */
        public GradientBoostingConfig build() {
            return new GradientBoostingConfig(rounds, learningRate, maxDepth, maxLeaves, lambda, gamma, minChildWeight, subsample, colsample, maxBins, earlyStoppingRounds, scalePosWeight, catSmooth, threads, seed);
        }
    }
}
