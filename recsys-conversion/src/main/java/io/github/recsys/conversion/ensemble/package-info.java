/**
 * Tree ensembles for conversion prediction: random forests
 * ({@link io.github.recsys.conversion.ensemble.RandomForestTrainer}) and second-order histogram
 * gradient boosting ({@link io.github.recsys.conversion.ensemble.GradientBoostingTrainer}), both
 * deterministic for a given seed whatever the thread count.
 */
package io.github.recsys.conversion.ensemble;
