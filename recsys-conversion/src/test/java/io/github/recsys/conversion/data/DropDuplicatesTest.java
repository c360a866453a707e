package io.github.recsys.conversion.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DropDuplicatesTest {

    /** Small value domains so many rows repeat; includes missing values and -0.0 vs 0.0. */
    private static Table randomTable(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        String[] k = new String[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int v = r.nextInt(5);
            x[i] = v == 4 ? Double.NaN : v == 3 ? (r.nextBoolean() ? 0.0 : -0.0) : v;
            int c = r.nextInt(4);
            k[i] = c == 3 ? null : "level" + c;
            b[i] = (byte) (r.nextInt(3) - 1);
        }
        return Table.of(NumericColumn.of("x", x), CategoricalColumn.ofLevels("k", k), BooleanColumn.of("b", b));
    }

    /** Reference: keep a row when its text key was not seen before (0.0 and -0.0 are one value). */
    private static Table reference(Table t, String... keys) {
        List<String> cols = keys.length == 0 ? t.columnNames() : List.of(keys);
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            List<String> key = new ArrayList<>();
            for (String c : cols) {
                String s = t.column(c).text(i);
                key.add("-0".equals(s) ? "0" : s);
            }
            if (seen.add(key)) {
                kept.add(i);
            }
        }
        return t.selectRows(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void matchesBruteForceReference() {
        for (long seed = 0; seed < 20; seed++) {
            Table t = randomTable(seed, 300);
            assertThat(new DropDuplicates().apply(t)).isEqualTo(reference(t));
            assertThat(new DropDuplicates("k", "b").apply(t)).isEqualTo(reference(t, "k", "b"));
            assertThat(new DropDuplicates("x").apply(t)).isEqualTo(reference(t, "x"));
        }
    }

    @Test
    void keepsFirstOccurrenceInOrder() {
        Table t = Table.of(NumericColumn.of("a", new double[] {3, 1, 3, 2, 1}),
                NumericColumn.of("i", new double[] {0, 1, 2, 3, 4}));
        Table d = new DropDuplicates("a").apply(t);
        assertThat(d.numeric("i").toArray()).containsExactly(0, 1, 3);
        assertThat(Arrays.stream(new DropDuplicates().apply(t).numeric("i").toArray()).count()).isEqualTo(5);
    }
}
