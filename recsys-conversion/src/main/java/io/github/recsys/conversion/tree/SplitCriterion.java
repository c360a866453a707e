package io.github.recsys.conversion.tree;

/**
 * Impurity measure a classification tree (CART, random forest) minimizes, for 0/1 labels with row
 * weights. With weighted positives {@code a} and weight {@code b} of a node ({@code q = a / b}):
 * Gini {@code b * 2q(1-q)}, entropy {@code b * H2(q)} (bits), squared error
 * {@code sum w (y - q)^2 = b * q(1-q)}. A split's gain is the weighted impurity decrease divided
 * by the root weight (scikit-learn's {@code min_impurity_decrease} convention).
 */
public enum SplitCriterion {
    /** Gini impurity. */
    GINI,
    /** Shannon entropy in bits. */
    ENTROPY,
    /** Squared error of the 0/1 label around the node mean. */
    SQUARED_ERROR
}
