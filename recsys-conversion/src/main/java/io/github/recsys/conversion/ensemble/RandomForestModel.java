package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.tree.TreeEnsemble;
import io.github.recsys.conversion.tree.TreeModel;

import java.util.List;

/**
 * A random forest: the probability of the positive class is the mean over trees of the leaf's
 * weighted positive rate (scikit-learn's soft vote). Carries its config and the out-of-bag AUC.
 * Immutable and thread-safe.
 */
public final class RandomForestModel implements BinaryClassifier, TreeEnsemble {

    private final List<TreeModel> trees;
    private final TreeModel[] treeArray;
    private final String[] names;
    private final RandomForestConfig config;
    private final double oobAuc;
    private final int oobRows;

    RandomForestModel(List<TreeModel> trees, String[] names, RandomForestConfig config, double oobAuc, int oobRows) {
        this.trees = List.copyOf(trees);
        this.treeArray = this.trees.toArray(new TreeModel[0]);
        this.names = names.clone();
        this.config = config;
        this.oobAuc = oobAuc;
        this.oobRows = oobRows;
    }

    /**
     * ROC AUC of the out-of-bag predictions (each training row scored by the trees that did not
     * see it) over the rows left out by at least one tree; NaN when not computed or when those rows
     * hold a single class.
     */
    public double oobAuc() {
        return oobAuc;
    }

    /** Training rows that were out of bag for at least one tree (0 when not computed). */
    public int oobRows() {
        return oobRows;
    }

    /** The config the model was trained with. */
    public RandomForestConfig config() {
        return config;
    }

    @Override
    public int featureCount() {
        return names.length;
    }

    @Override
    public double predictProbability(double[] x, int offset) {
        double s = 0;
        for (TreeModel t : treeArray) {
            s += t.predict(x, offset);
        }
        return s / treeArray.length;
    }

    @Override
    public double[] predictProbabilities(FeatureMatrix x) {
        if (x.cols() != featureCount()) {
            throw new IllegalArgumentException("matrix has " + x.cols() + " columns, model expects " + featureCount());
        }
        double[] s = TreeEnsemble.sumOutputs(treeArray, x, 0);
        int n = s.length;
        for (int i = 0; i < n; i++) {
            s[i] /= treeArray.length;
        }
        return s;
    }

    @Override
    public List<TreeModel> trees() {
        return trees;
    }

    @Override
    public String[] featureNames() {
        return names.clone();
    }
}
