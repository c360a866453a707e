package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.tree.BinnedFeatures;
import io.github.recsys.conversion.tree.SplitCriterion;

import static io.github.recsys.internal.Checks.atLeast;
import static io.github.recsys.internal.Checks.fraction;
import static io.github.recsys.internal.Checks.nonNegative;
import static io.github.recsys.internal.Checks.positive;

/**
 * Hyperparameters of a random forest of CART trees. Validated on construction (messages name the parameter and the value); build with
 * {@link #builder()}, whose defaults are listed per parameter.
 *
 * @param trees number of trees, &gt;= 1 (default 100)
 * @param criterion impurity measure (default Gini)
 * @param maxDepth maximum depth, root = 0; 0 = unlimited (default 0)
 * @param minSamplesSplit minimum weighted row count (bootstrap multiplicity included) of a node to split it, &gt;= 2 (default 2)
 * @param minSamplesLeaf minimum weighted row count per child, &gt;= 1 (default 1)
 * @param minImpurityDecrease minimum weighted impurity decrease / root weight of a split, &gt;= 0 (default 0)
 * @param maxFeatures columns drawn at random per node; 0 = round(sqrt(p)) (default 0)
 * @param bootstrap true: draw {@code sampleFraction * n} rows with replacement per tree; false: without replacement (default true)
 * @param sampleFraction rows drawn per tree as a fraction of n, in (0, 1] (default 1)
 * @param maxBins value bins per numeric column, in [2, 255] (default 255)
 * @param oobScore compute the out-of-bag AUC after training (default true)
 * @param threads worker threads (trees run in parallel), &gt;= 1; results do not depend on it (default 1)
 * @param seed seed; tree t uses the t-th child seed drawn from it (default 0)
 */
public record RandomForestConfig(int trees, SplitCriterion criterion, int maxDepth, double minSamplesSplit, double minSamplesLeaf, double minImpurityDecrease, int maxFeatures, boolean bootstrap, double sampleFraction, int maxBins, boolean oobScore, int threads, long seed) {

    /** Validates every field. */
    public RandomForestConfig {
        atLeast("trees", trees, 1);
        if (criterion == null) {
            throw new IllegalArgumentException("criterion must not be null");
        }
        atLeast("maxDepth", maxDepth, 0);
        if (!(minSamplesSplit >= 2) || Double.isInfinite(minSamplesSplit)) {
            throw new IllegalArgumentException("minSamplesSplit must be finite and >= 2, was " + minSamplesSplit);
        }
        if (!(minSamplesLeaf >= 1) || Double.isInfinite(minSamplesLeaf)) {
            throw new IllegalArgumentException("minSamplesLeaf must be finite and >= 1, was " + minSamplesLeaf);
        }
        nonNegative("minImpurityDecrease", minImpurityDecrease);
        atLeast("maxFeatures", maxFeatures, 0);
        fraction("sampleFraction", sampleFraction);
        BinnedFeatures.checkMaxBins(maxBins);
        atLeast("threads", threads, 1);
    }

    /** A builder with the defaults listed on the record. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int trees = 100;
        private SplitCriterion criterion = SplitCriterion.GINI;
        private int maxDepth = 0;
        private double minSamplesSplit = 2.0;
        private double minSamplesLeaf = 1.0;
        private double minImpurityDecrease = 0.0;
        private int maxFeatures = 0;
        private boolean bootstrap = true;
        private double sampleFraction = 1.0;
        private int maxBins = 255;
        private boolean oobScore = true;
        private int threads = 1;
        private long seed = 0L;

        private Builder() {
        }

        /** Sets {@link RandomForestConfig#trees()}. */
        public Builder trees(int v) {
            trees = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#criterion()}. */
        public Builder criterion(SplitCriterion v) {
            criterion = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#maxDepth()}. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#minSamplesSplit()}. */
        public Builder minSamplesSplit(double v) {
            minSamplesSplit = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#minSamplesLeaf()}. */
        public Builder minSamplesLeaf(double v) {
            minSamplesLeaf = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#minImpurityDecrease()}. */
        public Builder minImpurityDecrease(double v) {
            minImpurityDecrease = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#maxFeatures()}. */
        public Builder maxFeatures(int v) {
            maxFeatures = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#bootstrap()}. */
        public Builder bootstrap(boolean v) {
            bootstrap = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#sampleFraction()}. */
        public Builder sampleFraction(double v) {
            sampleFraction = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#maxBins()}. */
        public Builder maxBins(int v) {
            maxBins = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#oobScore()}. */
        public Builder oobScore(boolean v) {
            oobScore = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#threads()}. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Sets {@link RandomForestConfig#seed()}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The validated config. */
        public RandomForestConfig build() {
            return new RandomForestConfig(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures, bootstrap, sampleFraction, maxBins, oobScore, threads, seed);
        }
    }
}
