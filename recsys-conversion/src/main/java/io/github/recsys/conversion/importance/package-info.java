/**
 * Feature importances: split counts and total split gain of tree models
 * ({@link io.github.recsys.conversion.importance.TreeImportance}) and model-agnostic, seeded
 * permutation importance for any {@link io.github.recsys.conversion.data.BinaryClassifier}
 * ({@link io.github.recsys.conversion.importance.PermutationImportance}).
 */
package io.github.recsys.conversion.importance;
