package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.SplittableRandom;

/** Seeded synthetic sessions for tree tests: numeric, categorical and missing values, a planted signal. */
final class Synthetic {

    static final String[] NAMES = {"age", "device", "time", "pages", "category", "engine", "noise"};

    private Synthetic() {
    }

    static FeatureMatrix sessions(int n, long seed) {
        return sessions(n, seed, new double[n]);
    }

    /** As {@link #sessions(int, long)}, also writing each row's true probability to {@code truth}. */
    static FeatureMatrix sessions(int n, long seed, double[] truth) {
        int p = NAMES.length;
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double age = 18 + r.nextInt(50);
            int device = r.nextInt(3);
            double time = r.nextDouble() < 0.05 ? Double.NaN : Math.exp(r.nextGaussian() + 2.5);
            double pages = r.nextInt(30);
            int cat = r.nextDouble() < 0.03 ? -1 : r.nextInt(6);
            int engine = r.nextInt(2);
            double noise = r.nextGaussian();
            int o = i * p;
            v[o] = age;
            v[o + 1] = device;
            v[o + 2] = time;
            v[o + 3] = pages;
            v[o + 4] = cat < 0 ? Double.NaN : cat;
            v[o + 5] = engine;
            v[o + 6] = noise;
            double t = Double.isNaN(time) ? 30 : Math.min(time, 60);
            double logit = -3 + 0.04 * t + 0.06 * pages + 0.5 * engine + (device == 1 ? 0.6 : 0)
                    + (cat == 2 || cat == 4 ? 0.5 : 0) + (engine == 1 && device == 2 ? 0.4 : 0) - 0.015 * Math.abs(age - 35);
            truth[i] = 1 / (1 + Math.exp(-logit));
            y[i] = r.nextDouble() < truth[i] ? 1 : 0;
        }
        return FeatureMatrix.wrap(n, p, v, NAMES.clone(), new int[] {0, 3, 0, 0, 6, 2, 0}, y, null);
    }
}
