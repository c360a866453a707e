package io.github.recsys.conversion.tree;

/**
 * Hyperparameters of a CART classification tree. Validated on construction; build with
 * {@link #builder()}.
 *
 * @param criterion           impurity measure (default Gini)
 * @param maxDepth            maximum depth, root = 0; 0 = unlimited (default 0)
 * @param minSamplesSplit     minimum weighted row count of a node to split it, &gt;= 2 (default 2)
 * @param minSamplesLeaf      minimum weighted row count per child, &gt;= 1 (default 1)
 * @param minImpurityDecrease a split must decrease weighted impurity / root weight by more than this, &gt;= 0 (default 0)
 * @param maxFeatures         columns tried per node, drawn at random; 0 = all (default 0)
 * @param maxBins             value bins per numeric column, in [2, 255] (default 255)
 * @param seed                seed for column sampling (default 0)
 */
public record CartConfig(SplitCriterion criterion, int maxDepth, double minSamplesSplit, double minSamplesLeaf,
                         double minImpurityDecrease, int maxFeatures, int maxBins, long seed) {

    /** Validates every field. */
    public CartConfig {
        if (criterion == null) {
            throw new IllegalArgumentException("criterion must not be null");
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0 (0 = unlimited), was " + maxDepth);
        }
        if (!(minSamplesSplit >= 2) || Double.isInfinite(minSamplesSplit)) {
            throw new IllegalArgumentException("minSamplesSplit must be finite and >= 2, was " + minSamplesSplit);
        }
        if (!(minSamplesLeaf >= 1) || Double.isInfinite(minSamplesLeaf)) {
            throw new IllegalArgumentException("minSamplesLeaf must be finite and >= 1, was " + minSamplesLeaf);
        }
        if (!(minImpurityDecrease >= 0) || Double.isInfinite(minImpurityDecrease)) {
            throw new IllegalArgumentException("minImpurityDecrease must be finite and >= 0, was " + minImpurityDecrease);
        }
        if (maxFeatures < 0) {
            throw new IllegalArgumentException("maxFeatures must be >= 0 (0 = all), was " + maxFeatures);
        }
        BinnedFeatures.checkMaxBins(maxBins);
    }

    /** A builder with the defaults listed on the record. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private SplitCriterion criterion = SplitCriterion.GINI;
        private int maxDepth;
        private double minSamplesSplit = 2;
        private double minSamplesLeaf = 1;
        private double minImpurityDecrease;
        private int maxFeatures;
        private int maxBins = 255;
        private long seed;

        private Builder() {
        }

        /** Sets {@link CartConfig#criterion()}. */
        public Builder criterion(SplitCriterion v) {
            criterion = v;
            return this;
        }

        /** Sets {@link CartConfig#maxDepth()}. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Sets {@link CartConfig#minSamplesSplit()}. */
        public Builder minSamplesSplit(double v) {
            minSamplesSplit = v;
            return this;
        }

        /** Sets {@link CartConfig#minSamplesLeaf()}. */
        public Builder minSamplesLeaf(double v) {
            minSamplesLeaf = v;
            return this;
        }

        /** Sets {@link CartConfig#minImpurityDecrease()}. */
        public Builder minImpurityDecrease(double v) {
            minImpurityDecrease = v;
            return this;
        }

        /** Sets {@link CartConfig#maxFeatures()}. */
        public Builder maxFeatures(int v) {
            maxFeatures = v;
            return this;
        }

        /** Sets {@link CartConfig#maxBins()}. */
        public Builder maxBins(int v) {
            maxBins = v;
            return this;
        }

        /** Sets {@link CartConfig#seed()}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The validated config. */
        public CartConfig build() {
            return new CartConfig(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxBins, seed);
        }
    }
}
