package io.github.recsys.conversion.abtest;

/**
 * Power and sample size of the two-sided two-proportion z-test with equal arms (normal
 * approximation; e.g. Fleiss, <i>Statistical Methods for Rates and Proportions</i>, ch. 4, without
 * continuity correction). With {@code pbar = (p1 + p2)/2}:
 * <pre>
 *   n per arm = ( z_{1-alpha/2} sqrt(2 pbar (1-pbar)) + z_{power} sqrt(p1(1-p1) + p2(1-p2)) )^2 / (p1 - p2)^2
 *   power(n)  = Phi( (|p1 - p2| sqrt(n) - z_{1-alpha/2} sqrt(2 pbar (1-pbar))) / sqrt(p1(1-p1) + p2(1-p2)) )
 * </pre>
 * (the power formula ignores the negligible far rejection tail). Stateless and thread-safe.
 */
public final class PowerAnalysis {

    private PowerAnalysis() {
    }

    private static void checkRates(double p1, double p2) {
        if (!(p1 > 0 && p1 < 1) || !(p2 > 0 && p2 < 1)) {
            throw new IllegalArgumentException("rates must be in (0, 1), were p1=" + p1 + ", p2=" + p2);
        }
        if (p1 == p2) {
            throw new IllegalArgumentException("rates must differ to size a test, both were " + p1);
        }
    }

    private static void checkLevel(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), was " + v);
        }
    }

    /**
     * Sessions needed in <em>each</em> arm, rounded up.
     *
     * @param p1    control (baseline) rate in (0, 1)
     * @param p2    treatment rate to detect in (0, 1), != p1
     * @param alpha two-sided significance level in (0, 1), e.g. 0.05
     * @param power desired power in (0, 1), e.g. 0.8
     */
    public static long sampleSizePerArm(double p1, double p2, double alpha, double power) {
        checkRates(p1, p2);
        checkLevel("alpha", alpha);
        checkLevel("power", power);
        double za = StandardNormal.quantile(1 - alpha / 2);
        double zb = StandardNormal.quantile(power);
        double pbar = (p1 + p2) / 2;
        double num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        double d = p1 - p2;
        return (long) Math.ceil(num * num / (d * d));
    }

    /** Sessions per arm to detect a relative lift: {@code p2 = baseline * (1 + relativeLift)}. */
    public static long sampleSizeForRelativeLift(double baseline, double relativeLift, double alpha, double power) {
        return sampleSizePerArm(baseline, baseline * (1 + relativeLift), alpha, power);
    }

    /** Power of the test with {@code nPerArm} sessions in each arm. */
    public static double power(double p1, double p2, long nPerArm, double alpha) {
        checkRates(p1, p2);
        checkLevel("alpha", alpha);
        if (nPerArm <= 0) {
            throw new IllegalArgumentException("nPerArm must be > 0, was " + nPerArm);
        }
        double za = StandardNormal.quantile(1 - alpha / 2);
        double pbar = (p1 + p2) / 2;
        double x = (Math.abs(p1 - p2) * Math.sqrt(nPerArm) - za * Math.sqrt(2 * pbar * (1 - pbar)))
                / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return StandardNormal.cdf(x);
    }
}
