/**
 * Implicit-feedback matrix factorization by alternating least squares (Hu, Koren and Volinsky 2008),
 * with the conjugate-gradient row solver of Takács, Pilászy and Tikk (2011).
 *
 * <p>Model: for a users x items matrix of preference strengths {@code r >= 0}, each stored entry has
 * confidence {@code c = 1 + alpha*r} and preference {@code p = 1}; every other pair has {@code c = 1},
 * {@code p = 0}. ALS minimizes
 * {@code sum over all pairs of c*(p - x_u.y_i)^2 + sum_u lambda_u |x_u|^2 + sum_i lambda_i |y_i|^2} with
 * {@code lambda_row = lambda * n_row^nu}, n_row the row's number of stored entries and nu the
 * {@link io.github.recsys.als.AlsConfig#regularizationExponent()} (0, a constant penalty, by default; 1 is
 * ALS-WR). Start with {@link io.github.recsys.als.AlsTrainer}; the result is an
 * immutable {@link io.github.recsys.als.AlsModel}.
 */
package io.github.recsys.als;
