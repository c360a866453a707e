package io.github.recsys.conversion.abtest;

/**
 * The standard normal distribution N(0, 1): density, cumulative distribution and quantile, accurate
 * to about 1e-15 absolute (cdf) and 1e-13 relative in the tails; stateless and thread-safe.
 *
 * <p>The cdf sums Marsaglia's Taylor series {@code 0.5 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)} for
 * {@code |x| < 5} and uses the continued fraction for the Mills ratio in the tails, so p-values far
 * in the tail keep their relative precision. The quantile starts from Acklam's rational
 * approximation (relative error 1.2e-9) and takes one Halley step on the cdf.
 * References: G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004;
 * P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function".
 */
public final class StandardNormal {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double TAIL_START = 5.0;

    private StandardNormal() {
    }

    /** Density phi(x). */
    public static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** P(Z &lt;= x); NaN for NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= -TAIL_START) {
            return lowerTail(-x);
        }
        if (x >= TAIL_START) {
            return 1.0 - lowerTail(x);
        }
        double sum = x;
        double term = x;
        double x2 = x * x;
        for (int i = 3; i < 500; i += 2) {
            term *= x2 / i;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * pdf(x);
    }

    /** P(Z &gt; x), computed without cancellation for large x. */
    public static double survival(double x) {
        return cdf(-x);
    }

    /** Q(t) = P(Z &gt; t) for t &gt;= 5 by the Mills-ratio continued fraction (modified Lentz). */
    private static double lowerTail(double t) {
        // Q(t) = phi(t) / (t + 1/(t + 2/(t + 3/(t + ...))))
        final double tiny = 1e-300;
        double f = t;
        double c = t;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            d = t + k * d;
            d = d == 0 ? tiny : 1.0 / d;
            c = t + k / c;
            if (c == 0) {
                c = tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return pdf(t) / f;
    }

    /**
     * The quantile z with P(Z &lt;= z) = p.
     *
     * @param p probability in [0, 1]; 0 gives -infinity and 1 gives +infinity
     * @throws IllegalArgumentException when p is outside [0, 1] or NaN
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x = acklam(p);
        // one Halley step on cdf(x) - p; use the smaller tail for precision
        double e = x < 0 ? cdf(x) - p : (1.0 - p) - survival(x);
        double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
        return x - u / (1 + 0.5 * x * u);
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private static double acklam(double p) {
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - P_LOW) {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
