package io.github.recsys.conversion.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSplitsTest {

    private static double[] labels(int n, double rate, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < rate ? 1 : 0;
        }
        return y;
    }

    private static int positives(double[] y, int[] idx) {
        int c = 0;
        for (int i : idx) {
            c += (int) y[i];
        }
        return c;
    }

    @Test
    void holdOutKeepsClassProportionsAndPartitionsRows() {
        double[] y = labels(1003, 0.155, 3);
        int pos = positives(y, java.util.stream.IntStream.range(0, y.length).toArray());
        Split s = StratifiedSplits.split(y, 0.2, 42);
        assertThat(s.testSize()).isEqualTo(Math.round(pos * 0.2) + Math.round((y.length - pos) * 0.2));
        assertThat(positives(y, s.test())).isEqualTo((int) Math.round(pos * 0.2));
        boolean[] seen = new boolean[y.length];
        for (int i : s.train()) {
            seen[i] = true;
        }
        for (int i : s.test()) {
            assertThat(seen[i]).isFalse();
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertThat(b).isTrue();
        }
        assertThat(s.test()).isSorted();
        // deterministic for a seed, different for another
        assertThat(StratifiedSplits.split(y, 0.2, 42).test()).isEqualTo(s.test());
        assertThat(StratifiedSplits.split(y, 0.2, 43).test()).isNotEqualTo(s.test());
    }

    @Test
    void kFoldBalancesFoldsAndClasses() {
        double[] y = labels(517, 0.3, 9);
        int k = 5;
        Split[] folds = StratifiedSplits.kFold(y, k, 7);
        int[] seen = new int[y.length];
        int totalPos = positives(y, java.util.stream.IntStream.range(0, y.length).toArray());
        for (Split f : folds) {
            assertThat(f.testSize()).isBetween(y.length / k, y.length / k + 1);
            assertThat(f.trainSize() + f.testSize()).isEqualTo(y.length);
            assertThat(positives(y, f.test())).isBetween(totalPos / k, totalPos / k + 1);
            for (int i : f.test()) {
                seen[i]++;
            }
        }
        for (int c : seen) {
            assertThat(c).isEqualTo(1);
        }
        assertThatThrownBy(() -> StratifiedSplits.kFold(y, 1, 0)).hasMessageContaining("k must be >= 2, was 1");
        assertThatThrownBy(() -> StratifiedSplits.split(y, 1.0, 0)).hasMessageContaining("testFraction must be in (0, 1), was 1.0");
    }
}
