package io.github.recsys.conversion.abtest;

/**
 * One stage of a conversion funnel.
 *
 * @param stage       stage name
 * @param count       sessions that reached this stage
 * @param stepRate    count / previous stage's count with its Wilson interval (the first stage: count / count)
 * @param overallRate count / first stage's count with its Wilson interval
 * @param dropOff     sessions lost since the previous stage
 */
public record FunnelStep(String stage, long count, Proportion stepRate, Proportion overallRate, long dropOff) {
}
