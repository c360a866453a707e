package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;

/**
 * Checks and per-row statistics shared by the tree trainers (public for the ensemble package; not
 * a stable API). Stateless and thread-safe.
 */
public final class TrainingData {

    private TrainingData() {
    }

    /**
     * Rejects matrices trees cannot train on.
     *
     * @throws IllegalArgumentException without labels, rows or columns
     */
    public static void check(FeatureMatrix train) {
        if (train == null) {
            throw new IllegalArgumentException("training matrix must not be null");
        }
        if (!train.hasLabels()) {
            throw new IllegalArgumentException("training matrix has no labels");
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("training matrix has no rows");
        }
        if (train.cols() == 0) {
            throw new IllegalArgumentException("training matrix has no feature columns");
        }
    }

    /** Interleaved pairs {@code (w*y, w)} per row, length 2n. */
    public static double[] labelStats(FeatureMatrix train) {
        int n = train.rows();
        double[] s = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double w = train.weight(i);
            s[2 * i] = w * train.label(i);
            s[2 * i + 1] = w;
        }
        return s;
    }
}
