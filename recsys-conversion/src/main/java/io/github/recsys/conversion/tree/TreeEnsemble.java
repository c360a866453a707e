package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.Arrays;
import java.util.List;

/**
 * A model made of {@link TreeModel}s over named feature columns (a single tree, a forest or a
 * boosted ensemble): what tree-based feature importances read. Implementations are immutable.
 */
public interface TreeEnsemble {

    /** The trees, in training order (an unmodifiable list). */
    List<TreeModel> trees();

    /** Names of the p feature columns (a copy). */
    String[] featureNames();

    /** Rows per block in {@link #sumOutputs}: one tree's arrays stay in cache over a block. */
    int PREDICTION_BLOCK = 4096;

    /**
     * For every row of {@code x}, {@code start} plus the sum of the trees' outputs, computed tree-major
     * over blocks of {@link #PREDICTION_BLOCK} rows (each row's sum is still taken in tree order, so the
     * result equals summing row by row).
     *
     * @param trees the trees; not modified
     * @param x     rows to predict, p columns as the trees expect
     * @param start the initial value of every row's sum (a base score, or 0)
     * @return n sums
     */
    static double[] sumOutputs(TreeModel[] trees, FeatureMatrix x, double start) {
        double[] v = x.rawValues();
        int p = x.cols();
        int n = x.rows();
        double[] s = new double[n];
        Arrays.fill(s, start);
        for (int b0 = 0; b0 < n; b0 += PREDICTION_BLOCK) {
            int b1 = Math.min(n, b0 + PREDICTION_BLOCK);
            for (TreeModel t : trees) {
                for (int i = b0; i < b1; i++) {
                    s[i] += t.predict(v, i * p);
                }
            }
        }
        return s;
    }
}
