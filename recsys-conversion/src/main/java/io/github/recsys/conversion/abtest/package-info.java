/**
 * Segment and A/B statistics for conversion data: {@link io.github.recsys.conversion.abtest.Proportion}
 * (rates with Wilson intervals), {@link io.github.recsys.conversion.abtest.StandardNormal}
 * (cdf and quantile), and conversion rate by segment
 * ({@link io.github.recsys.conversion.abtest.SegmentAnalysis}).
 *
 * <p>Experiment statistics: {@link io.github.recsys.conversion.abtest.AbTest} (control vs treatment:
 * lifts with intervals, z-test, chi-square, sample-ratio check),
 * {@link io.github.recsys.conversion.abtest.StratifiedAbTest} (per segment plus the
 * Cochran-Mantel-Haenszel test), {@link io.github.recsys.conversion.abtest.PowerAnalysis} (sample size
 * and power), {@link io.github.recsys.conversion.abtest.AbTestSimulation} (seeded Monte Carlo),
 * {@link io.github.recsys.conversion.abtest.Funnel} (step and overall conversion) and
 * {@link io.github.recsys.conversion.abtest.Distributions} (incomplete gamma, erf, chi-square).
 */
package io.github.recsys.conversion.abtest;
