package io.github.recsys.conversion.abtest;

import java.util.SplittableRandom;

/**
 * Monte Carlo simulation of A/B tests: each replication draws {@code nPerArm} Bernoulli sessions per
 * arm at the true rates and runs the two-proportion z-test; the rejection rate estimates the power
 * (or, with equal rates, the false-positive rate). Replication {@code r} uses the r-th
 * {@link SplittableRandom#split() child} of a generator seeded with {@code seed}, so results depend
 * only on the arguments. Cost O(replications * nPerArm). Stateless and thread-safe.
 */
public final class AbTestSimulation {

    private AbTestSimulation() {
    }

    /**
     * Simulates.
     *
     * @param p1           true control rate in [0, 1]
     * @param p2           true treatment rate in [0, 1]
     * @param nPerArm      sessions per arm, &gt; 0
     * @param alpha        two-sided level in (0, 1)
     * @param replications number of experiments, &gt; 0
     * @param seed         random seed
     */
    public static SimulationResult run(double p1, double p2, int nPerArm, double alpha, int replications, long seed) {
        if (!(p1 >= 0 && p1 <= 1) || !(p2 >= 0 && p2 <= 1)) {
            throw new IllegalArgumentException("rates must be in [0, 1], were p1=" + p1 + ", p2=" + p2);
        }
        if (nPerArm <= 0) {
            throw new IllegalArgumentException("nPerArm must be > 0, was " + nPerArm);
        }
        if (replications <= 0) {
            throw new IllegalArgumentException("replications must be > 0, was " + replications);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        SplittableRandom root = new SplittableRandom(seed);
        double zCrit = StandardNormal.quantile(1 - alpha / 2);
        int rejections = 0;
        for (int r = 0; r < replications; r++) {
            SplittableRandom rnd = root.split();
            long c = 0;
            long t = 0;
            for (int i = 0; i < nPerArm; i++) {
                if (rnd.nextDouble() < p1) {
                    c++;
                }
            }
            for (int i = 0; i < nPerArm; i++) {
                if (rnd.nextDouble() < p2) {
                    t++;
                }
            }
            double n = nPerArm;
            double pooled = (c + t) / (2 * n);
            double se = Math.sqrt(pooled * (1 - pooled) * 2 / n);
            if (se > 0 && Math.abs((t - c) / n) / se > zCrit) {
                rejections++;
            }
        }
        return new SimulationResult(replications, rejections, Proportion.wilson(rejections, replications), alpha);
    }
}
