package io.github.recsys.conversion.abtest;

import java.util.List;

/**
 * A/B comparison by stratum plus the Cochran-Mantel-Haenszel (CMH) pooled test (see
 * {@link StratifiedAbTest#compare}).
 *
 * @param strata          per-stratum comparisons, in the given stratum order (unmodifiable)
 * @param overall         the crude comparison of all rows, ignoring strata
 * @param cmhChiSquare    CMH statistic {@code (sum_k (a_k - E[a_k]))^2 / sum_k Var[a_k]}, no continuity correction
 * @param cmhPValue       its chi-square(1) upper tail
 * @param mhOddsRatio     Mantel-Haenszel common odds ratio (treatment vs control conversion odds)
 * @param mhOddsLower     lower end of its confidence interval (Robins-Breslow-Greenland variance of the log)
 * @param mhOddsUpper     upper end of that interval
 */
public record StratifiedAbTestResult(List<StratumResult> strata, AbTestResult overall, double cmhChiSquare,
                                     double cmhPValue, double mhOddsRatio, double mhOddsLower, double mhOddsUpper) {

    /** Copies the stratum list. */
    public StratifiedAbTestResult {
        strata = List.copyOf(strata);
    }
}
