/**
 * Binary-classification metrics and validation splits on primitive arrays: confusion matrix,
 * accuracy / precision / recall / F1, ROC and PR curves with AUC and average precision, log loss,
 * Brier score, calibration tables, threshold selection, stratified split and stratified k-fold.
 *
 * <p>Conventions shared by every method: labels are {@code double[]} holding 0 or 1, scores are
 * any finite doubles (probabilities for log loss, Brier and calibration), weights are optional
 * ({@code null} = every row weighs 1) and finite &gt;= 0. A row is predicted positive when its
 * score is {@code >= threshold}. All classes are stateless or immutable and thread-safe.
 */
package io.github.recsys.conversion.metrics;
