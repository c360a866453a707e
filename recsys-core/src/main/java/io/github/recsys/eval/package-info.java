/**
 * Offline evaluation: seeded train/test {@link io.github.recsys.eval.Splits splits} of an
 * {@link io.github.recsys.data.InteractionLog}, {@link io.github.recsys.eval.RankingMetrics ranking metrics}
 * at a cut-off k, a parallel, deterministic {@link io.github.recsys.eval.Evaluator} for any
 * {@link io.github.recsys.api.Recommender}, and grid / random {@link io.github.recsys.eval.HyperparameterSearch
 * hyperparameter search} scored on a validation split carved from the training data.
 */
package io.github.recsys.eval;
