package io.github.recsys.conversion.abtest;

/**
 * A binomial proportion with its Wilson score interval: {@code successes} conversions out of
 * {@code trials} sessions. Immutable value; thread-safe.
 *
 * <p>The Wilson interval (E. B. Wilson, 1927) inverts the normal test of the proportion instead of
 * using {@code p +- z sqrt(p(1-p)/n)}; it stays inside [0, 1] and keeps close to nominal coverage for
 * small n or rates near 0 or 1. With {@code n} trials, observed rate {@code p} and
 * {@code z = quantile(1 - (1 - confidence)/2)}:
 * <pre>
 *   center = (p + z^2/(2n)) / (1 + z^2/n)
 *   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
 * </pre>
 *
 * @param successes  number of successes, 0 &lt;= successes &lt;= trials
 * @param trials     number of trials, &gt;= 0
 * @param rate       successes / trials, NaN when trials = 0
 * @param lower      lower bound of the interval, in [0, rate] (0 when trials = 0)
 * @param upper      upper bound of the interval, in [rate, 1] (1 when trials = 0)
 * @param confidence confidence level of the interval, in (0, 1)
 */
public record Proportion(long successes, long trials, double rate, double lower, double upper, double confidence) {

    /** The default confidence level, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the counts and the confidence level. */
    public Proportion {
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be >= 0, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials=" + trials + "], was " + successes);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
    }

    /** The Wilson 95% interval for {@code successes} out of {@code trials}. */
    public static Proportion wilson(long successes, long trials) {
        return wilson(successes, trials, DEFAULT_CONFIDENCE);
    }

    /**
     * The Wilson score interval at the given confidence level.
     *
     * @param successes  0 &lt;= successes &lt;= trials
     * @param trials     &gt;= 0; with 0 trials the rate is NaN and the interval [0, 1]
     * @param confidence two-sided level in (0, 1), e.g. 0.95
     */
    public static Proportion wilson(long successes, long trials, double confidence) {
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be >= 0, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials=" + trials + "], was " + successes);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (trials == 0) {
            return new Proportion(0, 0, Double.NaN, 0.0, 1.0, confidence);
        }
        double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lo = successes == 0 ? 0.0 : Math.max(0.0, center - half);
        double hi = successes == trials ? 1.0 : Math.min(1.0, center + half);
        return new Proportion(successes, trials, p, lo, hi, confidence);
    }

    /** Number of failures, trials - successes. */
    public long failures() {
        return trials - successes;
    }

    /** Width of the interval, upper - lower. */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d = %.4f [%.4f, %.4f]", successes, trials, rate, lower, upper);
    }
}
