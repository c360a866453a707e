package io.github.recsys.conversion.importance;

/**
 * A quality measure of predictions, higher = better (e.g. ROC AUC, or minus the log loss).
 * Implementations must not modify their arguments.
 */
@FunctionalInterface
public interface ScoreFunction {

    /**
     * @param labels      n labels in {0, 1}
     * @param predictions n predicted probabilities, same order
     * @return the score
     */
    double score(double[] labels, double[] predictions);
}
