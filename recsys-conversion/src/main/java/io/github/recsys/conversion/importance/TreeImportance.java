package io.github.recsys.conversion.importance;

import io.github.recsys.conversion.tree.TreeEnsemble;
import io.github.recsys.conversion.tree.TreeModel;

/**
 * Importances read from the splits of a tree model. Stateless and thread-safe.
 *
 * <ul>
 *   <li>split count: number of internal nodes splitting on the feature, over all trees;</li>
 *   <li>total gain: sum of those nodes' split gains (loss reduction for boosting, weighted impurity
 *       decrease over root weight for CART and forests). {@code totalGain(m).normalized()} sums to 1
 *       for any model with at least one split.</li>
 * </ul>
 */
public final class TreeImportance {

    private TreeImportance() {
    }

    /** Number of splits per feature. */
    public static FeatureImportance splitCount(TreeEnsemble model) {
        String[] names = model.featureNames();
        double[] v = new double[names.length];
        for (TreeModel t : model.trees()) {
            for (int k = 0; k < t.nodeCount(); k++) {
                if (!t.isLeaf(k)) {
                    v[t.feature(k)] += 1;
                }
            }
        }
        return new FeatureImportance("split", names, v);
    }

    /** Sum of split gains per feature. */
    public static FeatureImportance totalGain(TreeEnsemble model) {
        String[] names = model.featureNames();
        double[] v = new double[names.length];
        for (TreeModel t : model.trees()) {
            for (int k = 0; k < t.nodeCount(); k++) {
                if (!t.isLeaf(k)) {
                    v[t.feature(k)] += t.gain(k);
                }
            }
        }
        return new FeatureImportance("gain", names, v);
    }
}
