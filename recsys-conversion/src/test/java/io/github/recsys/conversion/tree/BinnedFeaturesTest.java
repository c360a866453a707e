package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinnedFeaturesTest {

    @Test
    void fewerDistinctValuesThanBinsGiveOneBinPerValue() {
        double[] v = {5, 1, 3, 1, Double.NaN, 5, 3, 3};
        FeatureMatrix x = FeatureMatrix.of(8, 1, v, new String[] {"a"}, null, null, null);
        BinnedFeatures b = BinnedFeatures.build(x, 255, null);
        assertThat(b.valueBins(0)).isEqualTo(3);
        int[] expected = {2, 0, 1, 0, 3, 2, 1, 1};
        for (int i = 0; i < 8; i++) {
            assertThat(b.code(i, 0)).isEqualTo(expected[i]);
        }
        assertThat(b.upperBound(0, 0)).isEqualTo(2.0);
        assertThat(b.upperBound(0, 1)).isEqualTo(4.0);
        assertThat(b.upperBound(0, 2)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void quantileBinsAreBalancedOrderedAndConsistentWithBounds() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 50_000;
        double[] v = new double[n * 2];
        for (int i = 0; i < n; i++) {
            v[2 * i] = r.nextGaussian();
            v[2 * i + 1] = r.nextDouble() < 0.4 ? 0.0 : r.nextDouble(); // a heavy point mass at 0
        }
        FeatureMatrix x = FeatureMatrix.of(n, 2, v, new String[] {"g", "z"}, null, null, null);
        BinnedFeatures b = BinnedFeatures.build(x, 64, null);
        for (int j = 0; j < 2; j++) {
            assertThat(b.valueBins(j)).isBetween(32, 64);
            int[] counts = new int[b.valueBins(j) + 1];
            for (int i = 0; i < n; i++) {
                int c = b.code(i, j);
                counts[c]++;
                double val = v[2 * i + j];
                assertThat(val <= b.upperBound(j, c)).isTrue();
                if (c > 0) {
                    assertThat(val > b.upperBound(j, c - 1)).isTrue();
                }
            }
            int maxCount = 0;
            for (int c = 1; c < b.valueBins(j); c++) {
                maxCount = Math.max(maxCount, counts[c]);
            }
            // apart from the point mass, no bin holds much more than an even share
            assertThat(maxCount).isLessThan(3 * n / 64);
        }
        // the point mass 0.0 sits in a bin of its own
        int zeroBin = b.code(indexOf(v, 1, 0.0), 1);
        assertThat(b.upperBound(1, zeroBin)).isLessThan(1e-3);
    }

    private static int indexOf(double[] v, int col, double value) {
        for (int i = 0; i < v.length / 2; i++) {
            if (v[2 * i + col] == value) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @Test
    void categoricalCodesAreBinsAndBadCodesAreRejected() {
        double[] v = {0, 2, Double.NaN, 1};
        FeatureMatrix x = FeatureMatrix.of(4, 1, v, new String[] {"device"}, new int[] {3}, null, null);
        BinnedFeatures b = BinnedFeatures.build(x, 255, null);
        assertThat(b.isCategorical(0)).isTrue();
        assertThat(b.code(1, 0)).isEqualTo(2);
        assertThat(b.code(2, 0)).isEqualTo(3);
        FeatureMatrix bad = FeatureMatrix.of(2, 1, new double[] {0, 3}, new String[] {"device"}, new int[] {3}, null, null);
        assertThatThrownBy(() -> BinnedFeatures.build(bad, 255, null))
                .hasMessage("column 'device' row 1: category code must be an integer in [0, 3), was 3.0");
        assertThatThrownBy(() -> BinnedFeatures.build(x, 256, null)).hasMessage("maxBins must be in [2, 255], was 256");
        // all values missing: one empty value bin plus the missing bin
        FeatureMatrix allNan = FeatureMatrix.of(2, 1, new double[] {Double.NaN, Double.NaN}, new String[] {"m"}, null, null, null);
        assertThat(BinnedFeatures.build(allNan, 16, null).valueBins(0)).isEqualTo(1);
    }
}
