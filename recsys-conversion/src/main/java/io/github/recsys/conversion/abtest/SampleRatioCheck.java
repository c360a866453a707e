package io.github.recsys.conversion.abtest;

/**
 * Sample-ratio-mismatch check: a chi-square goodness-of-fit test (1 degree of freedom) of the
 * observed arm sizes against the planned split. A tiny p-value means the assignment or logging is
 * broken and the experiment's comparison should not be trusted.
 *
 * @param controlSessions   observed control size
 * @param treatmentSessions observed treatment size
 * @param expectedTreatmentShare planned fraction of sessions in treatment, in (0, 1)
 * @param chiSquare         sum over both arms of (observed - expected)^2 / expected
 * @param pValue            upper chi-square(1) tail of {@code chiSquare}
 * @param alpha             threshold below which a mismatch is flagged
 * @param mismatch          {@code pValue < alpha}
 */
public record SampleRatioCheck(long controlSessions, long treatmentSessions, double expectedTreatmentShare,
                               double chiSquare, double pValue, double alpha, boolean mismatch) {

    /** Conventional SRM threshold: flag at p &lt; 0.001 (a strict level, since a true SRM invalidates the test). */
    public static final double DEFAULT_ALPHA = 0.001;

    /**
     * Runs the check.
     *
     * @param control                observed control sessions, &gt;= 0
     * @param treatment              observed treatment sessions, &gt;= 0
     * @param expectedTreatmentShare planned treatment fraction in (0, 1), e.g. 0.5
     * @param alpha                  flagging threshold in (0, 1)
     */
    public static SampleRatioCheck of(long control, long treatment, double expectedTreatmentShare, double alpha) {
        if (control < 0 || treatment < 0) {
            throw new IllegalArgumentException("arm sizes must be >= 0, were control=" + control + ", treatment=" + treatment);
        }
        if (!(expectedTreatmentShare > 0 && expectedTreatmentShare < 1)) {
            throw new IllegalArgumentException("expectedTreatmentShare must be in (0, 1), was " + expectedTreatmentShare);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        double total = (double) control + treatment;
        if (total == 0) {
            return new SampleRatioCheck(control, treatment, expectedTreatmentShare, 0, 1, alpha, false);
        }
        double eT = total * expectedTreatmentShare;
        double eC = total - eT;
        double chi = sq(treatment - eT) / eT + sq(control - eC) / eC;
        double p = Distributions.chiSquareSurvival(chi, 1);
        return new SampleRatioCheck(control, treatment, expectedTreatmentShare, chi, p, alpha, p < alpha);
    }

    private static double sq(double v) {
        return v * v;
    }
}
