package io.github.recsys.conversion.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TableTest {

    private static Table small() {
        return Table.of(
                NumericColumn.of("x", new double[] {1, 2, Double.NaN, 4}),
                CategoricalColumn.ofLevels("dev", new String[] {"Mobile", "Desktop", "Mobile", null}),
                BooleanColumn.of("y", new byte[] {1, 0, 1, -1}));
    }

    @Test
    void columnAccessByNameAndType() {
        Table t = small();
        assertThat(t.rows()).isEqualTo(4);
        assertThat(t.columnNames()).containsExactly("x", "dev", "y");
        assertThat(t.categorical("dev").levels()).containsExactly("Desktop", "Mobile");
        assertThat(t.categorical("dev").code(0)).isEqualTo(1);
        assertThat(t.categorical("dev").isMissing(3)).isTrue();
        assertThatThrownBy(() -> t.column("Age"))
                .hasMessage("unknown column 'Age'; columns are [x, dev, y]");
        assertThatThrownBy(() -> t.numeric("dev")).hasMessage("column 'dev' is categorical, expected numeric");
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> Table.of(NumericColumn.of("a", new double[2]), NumericColumn.of("b", new double[3])))
                .hasMessage("column 'b' has 3 rows, expected 2");
        assertThatThrownBy(() -> Table.of(NumericColumn.of("a", new double[2]), NumericColumn.of("a", new double[2])))
                .hasMessage("column name 'a' appears twice");
        assertThatThrownBy(() -> CategoricalColumn.of("c", new int[] {0, 2}, new String[] {"a", "b"}))
                .hasMessageContaining("must be in [-1, 2), was 2");
    }

    @Test
    void rowOperations() {
        Table t = small();
        Table f = t.filter(new boolean[] {true, false, true, false});
        assertThat(f.rows()).isEqualTo(2);
        assertThat(f.numeric("x").toArray()).containsExactly(1, Double.NaN);
        Table s = t.selectRows(new int[] {3, 3, 0});
        assertThat(s.bool("y").code(0)).isEqualTo(BooleanColumn.MISSING);
        assertThat(s.categorical("dev").level(2)).isEqualTo("Mobile");
        assertThat(t.drop("dev").columnNames()).containsExactly("x", "y");
        assertThat(t.append(t).rows()).isEqualTo(8);
        assertThat(t.append(t).slice(4, 8)).isEqualTo(t);
    }

    @Test
    void summaryCountsMissingAndStatistics() {
        TableSummary s = small().summary();
        TableSummary.ColumnSummary x = s.columns().get(0);
        assertThat(x.missing()).isEqualTo(1);
        assertThat(x.mean()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(x.min()).isEqualTo(1);
        assertThat(x.max()).isEqualTo(4);
        TableSummary.ColumnSummary dev = s.columns().get(1);
        assertThat(dev.missing()).isEqualTo(1);
        assertThat(dev.top().get(0)).isEqualTo(new TableSummary.LevelCount("Mobile", 2));
        assertThat(s.columns().get(2).mean()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.toString()).contains("dev", "categorical", "Mobile (2)");
    }

    @Test
    void columnBuilderInfersAndParses() {
        ColumnBuilder b = ColumnBuilder.inferring("v");
        for (String s : new String[] {"", "3", " 4.5 ", "NA"}) {
            b.add(s);
        }
        assertThat(((NumericColumn) b.build()).toArray()).containsExactly(Double.NaN, 3, 4.5, Double.NaN);
        ColumnBuilder yes = ColumnBuilder.inferring("flag");
        yes.add("yes");
        yes.add("No");
        yes.add(null);
        assertThat(yes.build().type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(ColumnBuilder.parseNumber("1d")).isNaN();
        assertThat(ColumnBuilder.parseNumber("0x10")).isNaN();
        assertThat(ColumnBuilder.parseNumber("1e")).isNaN();
        assertThat(ColumnBuilder.parseNumber("-.5")).isEqualTo(-0.5);
        assertThat(ColumnBuilder.parseNumber("1E+3")).isEqualTo(1000);
        assertThat(ColumnBuilder.parseNumber("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        ColumnBuilder num = ColumnBuilder.of("n", ColumnType.NUMERIC);
        assertThatThrownBy(() -> num.add("abc")).isInstanceOf(ValueFormatException.class)
                .hasMessage("column 'n': expected a number, was 'abc'");
    }

    @Test
    void fastNumberPathAgreesWithParseDouble() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int k = 0; k < 20_000; k++) {
            String s;
            switch (k % 4) {
                case 0 -> s = Long.toString(r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
                case 1 -> s = Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-5, 12)));
                case 2 -> s = String.format(java.util.Locale.ROOT, "%." + r.nextInt(0, 17) + "f", r.nextDouble() * 1000);
                default -> s = Long.toString(r.nextLong(0, 1L << 62)) + "." + r.nextInt(0, 1000);
            }
            assertThat(ColumnBuilder.parseNumber(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }
}
