package io.github.recsys.eval;

import io.github.recsys.als.AlsConfig;

import java.util.Locale;
import java.util.Objects;

/**
 * One point of an ALS hyperparameter search: the ALS knobs plus how raw values become confidence.
 * Immutable, validated.
 *
 * @param factors             rank, &gt; 0
 * @param regularization      lambda, finite and &gt;= 0
 * @param regularizationExponent nu: a row with n entries gets the penalty {@code lambda * n^nu} (0: constant,
 *                            1: ALS-WR; see {@link AlsConfig#rowRegularization(int)}), in [0, 2]
 * @param alpha               confidence slope ({@code c = 1 + alpha * r}), finite and &gt;= 0
 * @param confidence          how raw values map to strengths r: {@code linear}, {@code log}, {@code binary}
 *                            or {@code bm25} (lower case)
 * @param eps                 the log weighting's scale ({@code r = ln(1 + v / eps)}), finite and &gt; 0
 * @param iterations          ALS iterations, &gt;= 0
 */
public record AlsSetting(int factors, double regularization, double regularizationExponent, double alpha,
                         String confidence, double eps, int iterations) {

    /** The confidence names accepted by {@link #confidence()}. */
    public static final String[] CONFIDENCES = {"linear", "log", "binary", "bm25"};

    /** Validates the components. */
    public AlsSetting {
        if (factors <= 0) {
            throw new IllegalArgumentException("factors must be > 0, was " + factors);
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, was " + regularization);
        }
        if (!(regularizationExponent >= 0 && regularizationExponent <= 2)) {
            throw new IllegalArgumentException("regularizationExponent must be in [0, 2], was " + regularizationExponent);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, was " + alpha);
        }
        Objects.requireNonNull(confidence, "confidence");
        confidence = confidence.trim().toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String c : CONFIDENCES) {
            known |= c.equals(confidence);
        }
        if (!known) {
            throw new IllegalArgumentException("confidence must be one of linear, log, binary, bm25, was '" + confidence + "'");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, was " + eps);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
    }

    /** The ALS configuration: {@code base} with this setting's factors, lambda, exponent, alpha and iterations. */
    public AlsConfig toConfig(AlsConfig base) {
        return base.toBuilder().factors(factors).regularization(regularization).regularizationExponent(regularizationExponent)
                .alpha(alpha).iterations(iterations).build();
    }
}
