/** Interaction data: {@link io.github.recsys.data.IdIndex} (external ids to dense ints) and the immutable CSR/CSC {@link io.github.recsys.data.InteractionMatrix}, confidence weighting and event-log aggregation. */
package io.github.recsys.data;
