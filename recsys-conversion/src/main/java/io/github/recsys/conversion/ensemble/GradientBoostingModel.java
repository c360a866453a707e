package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.tree.TreeEnsemble;
import io.github.recsys.conversion.tree.TreeModel;

import java.util.List;

/**
 * A boosted ensemble for binary classification: the log-odds of a row are
 * {@code baseScore + sum of the trees' leaf values} and the probability is their logistic
 * function. Carries its config and training summary (validation log loss per round, best round).
 * Immutable and thread-safe.
 */
public final class GradientBoostingModel implements BinaryClassifier, TreeEnsemble {

    private final List<TreeModel> trees;
    private final TreeModel[] treeArray;
    private final double baseScore;
    private final String[] names;
    private final GradientBoostingConfig config;
    private final double[] validationLoss;
    private final int bestRound;

    GradientBoostingModel(List<TreeModel> trees, double baseScore, String[] names, GradientBoostingConfig config,
                          double[] validationLoss, int bestRound) {
        this.trees = List.copyOf(trees);
        this.treeArray = this.trees.toArray(new TreeModel[0]);
        this.baseScore = baseScore;
        this.names = names.clone();
        this.config = config;
        this.validationLoss = validationLoss.clone();
        this.bestRound = bestRound;
    }

    /** Log-odds of a row before any tree (the log-odds of the weighted training positive rate). */
    public double baseScore() {
        return baseScore;
    }

    /** The config the model was trained with. */
    public GradientBoostingConfig config() {
        return config;
    }

    /** Validation log loss after each round trained (empty without a validation set). */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** Round (0-based) with the lowest validation log loss, or the last round without a validation set. */
    public int bestRound() {
        return bestRound;
    }

    /** Number of trees kept. */
    public int treeCount() {
        return treeArray.length;
    }

    /** Log-odds of the row at {@code x[offset .. offset+p)}. */
    public double rawScore(double[] x, int offset) {
        double s = baseScore;
        for (TreeModel t : treeArray) {
            s += t.predict(x, offset);
        }
        return s;
    }

    @Override
    public int featureCount() {
        return names.length;
    }

    @Override
    public double predictProbability(double[] x, int offset) {
        return 1.0 / (1.0 + Math.exp(-rawScore(x, offset)));
    }

    @Override
    public double[] predictProbabilities(FeatureMatrix x) {
        if (x.cols() != featureCount()) {
            throw new IllegalArgumentException("matrix has " + x.cols() + " columns, model expects " + featureCount());
        }
        double[] s = TreeEnsemble.sumOutputs(treeArray, x, baseScore);
        int n = s.length;
        for (int i = 0; i < n; i++) {
            s[i] = 1.0 / (1.0 + Math.exp(-s[i]));
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
