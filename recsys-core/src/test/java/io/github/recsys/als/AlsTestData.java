package io.github.recsys.als;

import io.github.recsys.data.InteractionMatrix;

import java.util.SplittableRandom;

/** Small random interaction matrices for the ALS tests. */
final class AlsTestData {

    private AlsTestData() {
    }

    /** A users x items matrix with about {@code density} of the pairs stored, counts 1..5. */
    static InteractionMatrix random(int users, int items, double density, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int cap = (int) (users * (long) items * density) + 16;
        int[] us = new int[cap];
        int[] is = new int[cap];
        float[] vs = new float[cap];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (n < cap && rng.nextDouble() < density) {
                    us[n] = u;
                    is[n] = i;
                    vs[n] = 1 + rng.nextInt(5);
                    n++;
                }
            }
        }
        return InteractionMatrix.fromTriples(users, items, us, is, vs, n);
    }
}
