/**
 * Exact top-N selection: {@link io.github.recsys.rank.TopKSelector} (bounded heap over primitive
 * (item, score) pairs, ties to the lower item index) and {@link io.github.recsys.rank.BlockedFactors}
 * (a factor matrix in k-major blocks, scored against a query vector with a SIMD kernel when
 * {@code jdk.incubator.vector} is present, a scalar kernel otherwise, both giving identical floats).
 */
package io.github.recsys.rank;
