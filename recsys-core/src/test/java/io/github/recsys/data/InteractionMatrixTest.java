package io.github.recsys.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionMatrixTest {

    @Test
    void shuffledTriplesWithDuplicatesMatchDenseReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 1 + rnd.nextInt(12);
            int cols = 1 + rnd.nextInt(12);
            int n = rnd.nextInt(60);
            int[] u = new int[n];
            int[] i = new int[n];
            float[] v = new float[n];
            double[][] dense = new double[rows][cols];
            boolean[][] present = new boolean[rows][cols];
            for (int t = 0; t < n; t++) {
                u[t] = rnd.nextInt(rows);
                i[t] = rnd.nextInt(cols);
                v[t] = rnd.nextInt(5);
                dense[u[t]][i[t]] += v[t];
                present[u[t]][i[t]] = true;
            }
            InteractionMatrix m = InteractionMatrix.fromTriples(rows, cols, u, i, v, n);
            int expectedNnz = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    assertThat(m.contains(r, c)).isEqualTo(present[r][c]);
                    assertThat((double) m.get(r, c)).isEqualTo(dense[r][c]);
                    if (present[r][c]) {
                        expectedNnz++;
                    }
                }
                int[] items = m.rowItems(r);
                for (int k = 1; k < items.length; k++) {
                    assertThat(items[k]).isGreaterThan(items[k - 1]);
                }
            }
            assertThat(m.nnz()).isEqualTo(expectedNnz);
            InteractionMatrix t = m.transpose();
            for (int c = 0; c < cols; c++) {
                int[] users = m.colUsers(c);
                float[] vals = m.colValues(c);
                for (int k = 0; k < users.length; k++) {
                    assertThat(vals[k]).isEqualTo(m.get(users[k], c));
                    assertThat(t.get(c, users[k])).isEqualTo(vals[k]);
                }
            }
            assertThat(m.memoryBytes()).isLessThanOrEqualTo(16L * m.nnz() + 4L * (rows + cols + 2));
        }
    }

    @Test
    void rejectsNegativeAndNonFiniteValuesNamingTheEntry() {
        assertThatThrownBy(() -> InteractionMatrix.fromTriples(2, 2, new int[] {1}, new int[] {0}, new float[] {-1f}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user 1").hasMessageContaining("item 0").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> InteractionMatrix.fromTriples(2, 2, new int[] {0}, new int[] {1}, new float[] {Float.NaN}, 1))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> InteractionMatrix.fromTriples(2, 2, new int[] {0}, new int[] {1}, new float[] {Float.POSITIVE_INFINITY}, 1))
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> InteractionMatrix.fromTriples(2, 2, new int[] {2}, new int[] {1}, new float[] {1f}, 1))
                .hasMessageContaining("user 2 out of range");
    }

    @Test
    void idIndexRoundTripsAndFreezes() {
        IdIndex.Builder b = IdIndex.stringBuilder();
        assertThat(b.add("Bill Pay")).isEqualTo(0);
        assertThat(b.add("PayPal.Me")).isEqualTo(1);
        assertThat(b.add("Bill Pay")).isEqualTo(0);
        IdIndex idx = b.build();
        b.add("One Touch");
        assertThat(idx.size()).isEqualTo(2);
        assertThat(idx.indexOf("PayPal.Me")).isEqualTo(1);
        assertThat(idx.indexOf("One Touch")).isEqualTo(-1);
        assertThat(idx.idAt(0)).isEqualTo("Bill Pay");
        IdIndex longs = IdIndex.ofLongs(10L, 42L);
        assertThat(longs.indexOf(42L)).isEqualTo(1);
        assertThat(longs.indexOf("10")).isEqualTo(0);
        assertThatThrownBy(() -> longs.idAt(2)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[0, 2)");
        assertThatThrownBy(() -> IdIndex.ofLongs(1L, 1L)).hasMessageContaining("duplicate id 1");
    }
}
