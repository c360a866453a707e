package io.github.recsys.conversion.abtest;

/**
 * The A/B comparison inside one stratum (segment).
 *
 * @param stratum segment value
 * @param result  the comparison of this stratum's rows, or null when an arm has no sessions there
 */
public record StratumResult(String stratum, AbTestResult result) {
}
