package io.github.recsys.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticInteractionsTest {

    @Test
    void exactNnzDistinctPairsCountsAtLeastOne() {
        InteractionMatrix m = SyntheticInteractions.powerLaw(2000, 500, 60_000, 7);
        assertThat(m.rows()).isEqualTo(2000);
        assertThat(m.cols()).isEqualTo(500);
        assertThat(m.nnz()).isEqualTo(60_000);
        for (int u = 0; u < m.rows(); u++) {
            int[] row = m.rowItems(u);
            for (int t = 1; t < row.length; t++) {
                assertThat(row[t]).isGreaterThan(row[t - 1]); // sorted and distinct
            }
            assertThat(row.length).isLessThanOrEqualTo(250);
            for (float v : m.rowValues(u)) {
                assertThat(v).isGreaterThanOrEqualTo(1f);
                assertThat(v).isEqualTo((float) Math.rint(v));
            }
        }
        // the transpose agrees with the rows
        for (int i = 0; i < 500; i += 37) {
            for (int u : m.colUsers(i)) {
                assertThat(m.contains(u, i)).isTrue();
            }
        }
    }

    @Test
    void popularityAndActivityAreSkewed() {
        InteractionMatrix m = SyntheticInteractions.powerLaw(5000, 1000, 100_000, 3);
        int[] itemCounts = new int[m.cols()];
        for (int i = 0; i < m.cols(); i++) {
            itemCounts[i] = m.colLength(i);
        }
        Arrays.sort(itemCounts);
        int[] userCounts = new int[m.rows()];
        for (int u = 0; u < m.rows(); u++) {
            userCounts[u] = m.rowLength(u);
        }
        Arrays.sort(userCounts);
        assertThat(itemCounts[itemCounts.length - 1]).isGreaterThan(10 * Math.max(1, itemCounts[itemCounts.length / 2]));
        assertThat(userCounts[userCounts.length - 1]).isGreaterThan(5 * Math.max(1, userCounts[userCounts.length / 2]));
    }

    @Test
    void sameSeedSameMatrixOtherSeedDifferent() {
        InteractionMatrix a = SyntheticInteractions.powerLaw(300, 200, 5000, 11);
        InteractionMatrix b = SyntheticInteractions.powerLaw(300, 200, 5000, 11);
        InteractionMatrix c = SyntheticInteractions.powerLaw(300, 200, 5000, 12);
        boolean allSame = true;
        boolean anyDiff = false;
        for (int u = 0; u < 300; u++) {
            allSame &= Arrays.equals(a.rowItems(u), b.rowItems(u)) && Arrays.equals(a.rowValues(u), b.rowValues(u));
            anyDiff |= !Arrays.equals(a.rowItems(u), c.rowItems(u));
        }
        assertThat(allSame).isTrue();
        assertThat(anyDiff).isTrue();
    }

    @Test
    void rejectsImpossibleShapes() {
        assertThatThrownBy(() -> SyntheticInteractions.powerLaw(0, 10, 1, 1)).hasMessage("users must be > 0, was 0");
        assertThatThrownBy(() -> SyntheticInteractions.powerLaw(10, 10, 51, 1))
                .hasMessageContaining("nnz must be in [0, 50]");
    }
}
