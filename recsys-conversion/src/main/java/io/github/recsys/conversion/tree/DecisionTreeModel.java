package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.BinaryClassifier;

import java.util.List;

/**
 * A trained CART classifier: the probability of the positive class is the weighted positive rate
 * of the leaf a row reaches. Immutable and thread-safe.
 */
public final class DecisionTreeModel implements BinaryClassifier, TreeEnsemble {

    private final TreeModel tree;
    private final String[] names;
    private final CartConfig config;

    DecisionTreeModel(TreeModel tree, String[] names, CartConfig config) {
        this.tree = tree;
        this.names = names.clone();
        this.config = config;
    }

    /** The tree. */
    public TreeModel tree() {
        return tree;
    }

    /** The config it was trained with. */
    public CartConfig config() {
        return config;
    }

    @Override
    public int featureCount() {
        return names.length;
    }

    @Override
    public double predictProbability(double[] x, int offset) {
        return tree.predict(x, offset);
    }

    @Override
    public List<TreeModel> trees() {
        return List.of(tree);
    }

    @Override
    public String[] featureNames() {
        return names.clone();
    }
}
