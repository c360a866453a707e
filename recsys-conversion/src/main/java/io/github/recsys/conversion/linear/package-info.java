/**
 * Logistic regression written from scratch: {@link io.github.recsys.conversion.linear.LogisticRegressionTrainer}
 * (L2 and optional L1 penalties, unpenalized intercept, class weights, Newton/IRLS or L-BFGS/OWL-QN,
 * parallel chunked gradient with a deterministic reduction) producing an immutable
 * {@link io.github.recsys.conversion.linear.LogisticModel} with the coefficient table an analyst
 * reads (standard errors, z, p-values, odds ratios).
 */
package io.github.recsys.conversion.linear;
