package io.github.recsys.conversion.linear;

/**
 * One line of a fitted model's coefficient table.
 *
 * @param name       feature name, or {@code "(intercept)"}
 * @param estimate   coefficient on the log-odds scale
 * @param stdError   standard error (NaN when not computed or the Hessian is singular)
 * @param z          Wald statistic {@code estimate / stdError}
 * @param pValue     two-sided normal p-value of z
 * @param oddsRatio  {@code exp(estimate)}: multiplicative change in the odds per unit of the feature
 * @param lower95    lower end of the 95% Wald interval of the odds ratio
 * @param upper95    upper end of the 95% Wald interval of the odds ratio
 */
public record CoefficientRow(String name, double estimate, double stdError, double z, double pValue,
                             double oddsRatio, double lower95, double upper95) {
}
