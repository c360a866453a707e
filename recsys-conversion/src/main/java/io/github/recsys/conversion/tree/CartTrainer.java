package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a CART classification tree on binned features (see {@link BinnedFeatures}): numeric columns
 * split by threshold, categorical columns by category set, missing values by a learned default
 * direction. Leaves output the weighted positive rate. Holds only its config; thread-safe.
 */
public final class CartTrainer {

    private final CartConfig config;

    /** A trainer with the given config. */
    public CartTrainer(CartConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The config. */
    public CartConfig config() {
        return config;
    }

    /**
     * Fits a tree.
     *
     * @param train labeled rows (labels 0/1, optional weights)
     * @throws IllegalArgumentException when the matrix has no labels, no rows or no columns
     */
    public DecisionTreeModel fit(FeatureMatrix train) {
        TrainingData.check(train);
        BinnedFeatures bins = BinnedFeatures.build(train, config.maxBins(), null);
        return fit(train, bins);
    }

    /** Fits a tree on already binned rows of {@code train}. */
    public DecisionTreeModel fit(FeatureMatrix train, BinnedFeatures bins) {
        TrainingData.check(train);
        int n = train.rows();
        int p = train.cols();
        double[] stats = TrainingData.labelStats(train);
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (stats[2 * i + 1] > 0) {
                rows[m++] = i;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("every training row has weight 0");
        }
        int[] active = new int[p];
        for (int j = 0; j < p; j++) {
            active[j] = j;
        }
        SplitFinder finder = SplitFinder.forCriterion(config.criterion(), config.minSamplesLeaf());
        TreeGrower grower = new TreeGrower(bins, finder, config.maxDepth(), 0, config.minSamplesSplit(),
                config.minImpurityDecrease(), config.maxFeatures(), null);
        grower.grow(rows, m, stats, active, p, new SplittableRandom(config.seed()));
        return new DecisionTreeModel(grower.toModel(), train.names(), config);
    }
}
