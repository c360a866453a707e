package io.github.recsys.conversion.abtest;

/**
 * Control vs treatment comparison of conversion rates (see {@link AbTest#compare}).
 *
 * @param control          control conversions / sessions with its Wilson interval
 * @param treatment        treatment conversions / sessions with its Wilson interval
 * @param absoluteLift     {@code p_t - p_c}
 * @param absoluteLower    lower end of the Wald interval {@code (p_t - p_c) +- z sqrt(p_c q_c / n_c + p_t q_t / n_t)}
 * @param absoluteUpper    upper end of that interval
 * @param relativeLift     {@code p_t / p_c - 1}
 * @param relativeLower    lower end of the interval for the relative lift, from the log risk ratio:
 *                         {@code exp(ln(p_t/p_c) +- z sqrt(q_c/(n_c p_c) + q_t/(n_t p_t))) - 1}
 *                         (delta method); NaN when an arm has no conversions
 * @param relativeUpper    upper end of that interval
 * @param zStatistic       two-proportion z statistic with the pooled rate under H0
 * @param zPValue          two-sided p-value of {@code zStatistic}
 * @param chiSquare        Pearson chi-square of the 2x2 table without continuity correction (= z^2)
 * @param chiSquarePValue  its p-value (1 degree of freedom; equals {@code zPValue})
 * @param yatesChiSquare   chi-square with Yates' continuity correction
 * @param yatesPValue      its p-value (more conservative; reported for comparison)
 * @param confidence       confidence level of the intervals
 * @param sampleRatio      the sample-ratio-mismatch check of the arm sizes
 */
public record AbTestResult(Proportion control, Proportion treatment, double absoluteLift, double absoluteLower,
                           double absoluteUpper, double relativeLift, double relativeLower, double relativeUpper,
                           double zStatistic, double zPValue, double chiSquare, double chiSquarePValue,
                           double yatesChiSquare, double yatesPValue, double confidence,
                           SampleRatioCheck sampleRatio) {

    /** True when the two-sided z-test rejects equal rates at level {@code alpha}. */
    public boolean significant(double alpha) {
        return zPValue < alpha;
    }
}
