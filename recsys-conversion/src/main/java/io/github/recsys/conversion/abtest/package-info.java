/**
 * Segment and A/B statistics for conversion data: {@link io.github.recsys.conversion.abtest.Proportion}
 * (rates with Wilson intervals), {@link io.github.recsys.conversion.abtest.StandardNormal}
 * (cdf and quantile), and conversion rate by segment
 * ({@link io.github.recsys.conversion.abtest.SegmentAnalysis}).
 */
package io.github.recsys.conversion.abtest;
