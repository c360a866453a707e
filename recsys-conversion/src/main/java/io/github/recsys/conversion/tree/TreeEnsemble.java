package io.github.recsys.conversion.tree;

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
}
