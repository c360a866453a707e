package io.github.recsys.conversion.abtest;

/**
 * Frequentist comparison of two conversion rates (control vs treatment). Stateless and thread-safe.
 *
 * <p>The headline test is the two-sided two-proportion z-test with the pooled rate, which is the
 * same test as Pearson's chi-square on the 2x2 table without continuity correction (z^2 = chi^2,
 * identical p-values). Yates' corrected chi-square is reported alongside but is not the default:
 * it is conservative for the sample sizes of web experiments. Interval formulas are on
 * {@link AbTestResult}.
 */
public final class AbTest {

    private AbTest() {
    }

    /** {@link #compare(long, long, long, long, double, double)} at 95% with a planned 50/50 split. */
    public static AbTestResult compare(long controlConversions, long controlSessions, long treatmentConversions,
                                       long treatmentSessions) {
        return compare(controlConversions, controlSessions, treatmentConversions, treatmentSessions, 0.95, 0.5);
    }

    /**
     * Compares the arms.
     *
     * @param controlConversions     conversions in control, 0..controlSessions
     * @param controlSessions        sessions in control, &gt; 0
     * @param treatmentConversions   conversions in treatment, 0..treatmentSessions
     * @param treatmentSessions      sessions in treatment, &gt; 0
     * @param confidence             two-sided confidence level of the intervals, in (0, 1)
     * @param expectedTreatmentShare planned treatment fraction for the sample-ratio check, in (0, 1)
     */
    public static AbTestResult compare(long controlConversions, long controlSessions, long treatmentConversions,
                                       long treatmentSessions, double confidence, double expectedTreatmentShare) {
        if (controlSessions <= 0 || treatmentSessions <= 0) {
            throw new IllegalArgumentException("both arms need sessions, had control=" + controlSessions
                    + ", treatment=" + treatmentSessions);
        }
        Proportion c = Proportion.wilson(controlConversions, controlSessions, confidence);
        Proportion t = Proportion.wilson(treatmentConversions, treatmentSessions, confidence);
        double z = StandardNormal.quantile(1 - (1 - confidence) / 2);
        double pc = c.rate();
        double pt = t.rate();
        double nc = controlSessions;
        double nt = treatmentSessions;
        double diff = pt - pc;
        double seDiff = Math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt);
        double rel = pc == 0 ? Double.NaN : pt / pc - 1;
        double relLo = Double.NaN;
        double relHi = Double.NaN;
        if (pc > 0 && pt > 0) {
            double logRr = Math.log(pt / pc);
            double seLog = Math.sqrt((1 - pc) / (nc * pc) + (1 - pt) / (nt * pt));
            relLo = Math.exp(logRr - z * seLog) - 1;
            relHi = Math.exp(logRr + z * seLog) - 1;
        }
        double pooled = (double) (controlConversions + treatmentConversions) / (nc + nt);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt));
        double zStat = sePooled == 0 ? 0 : diff / sePooled;
        double zP = sePooled == 0 ? 1 : 2 * StandardNormal.survival(Math.abs(zStat));
        double[][] obs = {
            {controlConversions, controlSessions - controlConversions},
            {treatmentConversions, treatmentSessions - treatmentConversions}
        };
        double chi = pearson(obs, false);
        double yates = pearson(obs, true);
        return new AbTestResult(c, t, diff, diff - z * seDiff, diff + z * seDiff, rel, relLo, relHi, zStat, zP,
                chi, Distributions.chiSquareSurvival(chi, 1), yates, Distributions.chiSquareSurvival(yates, 1),
                confidence, SampleRatioCheck.of(controlSessions, treatmentSessions, expectedTreatmentShare,
                        SampleRatioCheck.DEFAULT_ALPHA));
    }

    /**
     * Pearson chi-square statistic of a 2x2 table {@code [[a, b], [c, d]]}; with {@code yates},
     * each |O - E| is reduced by 0.5 (not below 0). Cells with expected count 0 contribute 0.
     */
    public static double pearson(double[][] table, boolean yates) {
        double r0 = table[0][0] + table[0][1];
        double r1 = table[1][0] + table[1][1];
        double c0 = table[0][0] + table[1][0];
        double c1 = table[0][1] + table[1][1];
        double n = r0 + r1;
        double[] rows = {r0, r1};
        double[] cols = {c0, c1};
        double chi = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double e = rows[i] * cols[j] / n;
                if (e > 0) {
                    double dev = Math.abs(table[i][j] - e);
                    if (yates) {
                        dev = Math.max(0, dev - 0.5);
                    }
                    chi += dev * dev / e;
                }
            }
        }
        return chi;
    }
}
