package io.github.recsys.conversion.abtest;

/**
 * Outcome of a Monte Carlo A/B simulation.
 *
 * @param replications  simulated experiments
 * @param rejections    experiments whose two-sided z-test rejected at {@code alpha}
 * @param rejectionRate rejections / replications with its Wilson 95% interval: the estimated power
 *                      when the rates differ, the false-positive rate when they are equal
 * @param alpha         significance level used
 */
public record SimulationResult(int replications, int rejections, Proportion rejectionRate, double alpha) {
}
