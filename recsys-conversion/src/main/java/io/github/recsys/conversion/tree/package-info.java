/**
 * Decision trees on binned features: {@link io.github.recsys.conversion.tree.BinnedFeatures} (quantile
 * bins, one byte per cell, built once per training), the histogram and split-finding kernels, the
 * {@link io.github.recsys.conversion.tree.TreeGrower} shared by CART, random forests and boosting, the
 * flat-array {@link io.github.recsys.conversion.tree.TreeModel}, and the CART classifier
 * ({@link io.github.recsys.conversion.tree.CartTrainer}).
 */
package io.github.recsys.conversion.tree;
