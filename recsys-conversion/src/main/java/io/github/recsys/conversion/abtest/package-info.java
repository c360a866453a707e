/**
 * Segment and A/B statistics for conversion data: {@link io.github.recsys.conversion.abtest.Proportion}
 * (rates with Wilson intervals), {@link io.github.recsys.conversion.abtest.StandardNormal}
 * (cdf and quantile), conversion rate by segment
 * ({@link io.github.recsys.conversion.abtest.SegmentAnalysis}), and control-versus-treatment
 * comparisons, power, simulation and funnels ({@link io.github.recsys.conversion.abtest.AbTest},
 * {@link io.github.recsys.conversion.abtest.PowerAnalysis},
 * {@link io.github.recsys.conversion.abtest.AbTestSimulation}, {@link io.github.recsys.conversion.abtest.Funnel}).
 */
package io.github.recsys.conversion.abtest;
