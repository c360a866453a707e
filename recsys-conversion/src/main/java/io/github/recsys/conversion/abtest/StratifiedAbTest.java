package io.github.recsys.conversion.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A/B comparison stratified by a segment column: one {@link AbTest} per stratum, the crude overall
 * comparison, and the Cochran-Mantel-Haenszel test of "no treatment effect in any stratum" that
 * pools the strata without letting a segment mix difference between arms (Simpson's paradox) bias
 * the answer. Stateless and thread-safe.
 *
 * <p>Per stratum k, with the 2x2 table a = treatment conversions, b = treatment non-conversions,
 * c = control conversions, d = control non-conversions and n = a + b + c + d:
 * <pre>
 *   E[a]   = (a+b)(a+c)/n,   Var[a] = (a+b)(c+d)(a+c)(b+d) / (n^2 (n-1))
 *   CMH    = (sum (a - E[a]))^2 / sum Var[a]                   (no continuity correction)
 *   OR_MH  = sum (a d / n) / sum (b c / n)
 * </pre>
 * The log OR_MH interval uses the Robins-Breslow-Greenland (1986) variance. Strata with fewer than
 * two sessions or a single arm carry no information and are skipped by the pooled statistics (they
 * are still listed, with a null result when an arm is empty).
 */
public final class StratifiedAbTest {

    private StratifiedAbTest() {
    }

    /**
     * Compares control and treatment within every stratum and pooled.
     *
     * @param strata               stratum names, one per entry of the count arrays
     * @param controlConversions   control conversions per stratum
     * @param controlSessions      control sessions per stratum
     * @param treatmentConversions treatment conversions per stratum
     * @param treatmentSessions    treatment sessions per stratum
     * @param confidence           confidence level in (0, 1)
     * @param expectedTreatmentShare planned treatment fraction for the sample-ratio checks
     */
    public static StratifiedAbTestResult compare(String[] strata, long[] controlConversions, long[] controlSessions,
                                                 long[] treatmentConversions, long[] treatmentSessions,
                                                 double confidence, double expectedTreatmentShare) {
        Objects.requireNonNull(strata, "strata");
        int k = strata.length;
        if (controlConversions.length != k || controlSessions.length != k || treatmentConversions.length != k
                || treatmentSessions.length != k) {
            throw new IllegalArgumentException("every count array must have one entry per stratum (" + k + ")");
        }
        List<StratumResult> results = new ArrayList<>(k);
        long cc = 0;
        long cn = 0;
        long tc = 0;
        long tn = 0;
        double dev = 0;
        double var = 0;
        double sumR = 0;
        double sumS = 0;
        double sumPR = 0;
        double sumPSQR = 0;
        double sumQS = 0;
        for (int s = 0; s < k; s++) {
            if (controlConversions[s] < 0 || controlConversions[s] > controlSessions[s]
                    || treatmentConversions[s] < 0 || treatmentConversions[s] > treatmentSessions[s]) {
                throw new IllegalArgumentException("stratum '" + strata[s] + "': conversions must be within [0, sessions]");
            }
            AbTestResult r = controlSessions[s] > 0 && treatmentSessions[s] > 0
                    ? AbTest.compare(controlConversions[s], controlSessions[s], treatmentConversions[s],
                    treatmentSessions[s], confidence, expectedTreatmentShare)
                    : null;
            results.add(new StratumResult(strata[s], r));
            cc += controlConversions[s];
            cn += controlSessions[s];
            tc += treatmentConversions[s];
            tn += treatmentSessions[s];
            double a = treatmentConversions[s];
            double b = treatmentSessions[s] - a;
            double c = controlConversions[s];
            double d = controlSessions[s] - c;
            double n = a + b + c + d;
            if (n < 2 || controlSessions[s] == 0 || treatmentSessions[s] == 0) {
                continue;
            }
            dev += a - (a + b) * (a + c) / n;
            var += (a + b) * (c + d) * (a + c) * (b + d) / (n * n * (n - 1));
            double r1 = a * d / n;
            double s1 = b * c / n;
            double pp = (a + d) / n;
            double qq = (b + c) / n;
            sumR += r1;
            sumS += s1;
            sumPR += pp * r1;
            sumPSQR += pp * s1 + qq * r1;
            sumQS += qq * s1;
        }
        if (cn == 0 || tn == 0) {
            throw new IllegalArgumentException("both arms need sessions, had control=" + cn + ", treatment=" + tn);
        }
        AbTestResult overall = AbTest.compare(cc, cn, tc, tn, confidence, expectedTreatmentShare);
        double cmh = var > 0 ? dev * dev / var : 0;
        double cmhP = var > 0 ? Distributions.chiSquareSurvival(cmh, 1) : 1;
        double or = sumS > 0 ? sumR / sumS : Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (sumR > 0 && sumS > 0) {
            double v = sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
            double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
            lo = Math.exp(Math.log(or) - z * Math.sqrt(v));
            hi = Math.exp(Math.log(or) + z * Math.sqrt(v));
        }
        return new StratifiedAbTestResult(results, overall, cmh, cmhP, or, lo, hi);
    }
}
