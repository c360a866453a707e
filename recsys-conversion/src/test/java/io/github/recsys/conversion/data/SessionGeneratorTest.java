package io.github.recsys.conversion.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionGeneratorTest {

    private static Table generate(int rows, long seed, int threads) {
        return SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(seed).threads(threads).build());
    }

    @Test
    void sameSeedSameTableWhateverTheThreadCount() {
        int rows = 3 * SessionGenerator.CHUNK + 123;
        Table one = generate(rows, 5, 1);
        assertThat(generate(rows, 5, 3)).isEqualTo(one);
        assertThat(generate(rows, 5, 8)).isEqualTo(one);
        assertThat(generate(rows, 6, 1)).isNotEqualTo(one);
        assertThat(one.columnNames()).containsExactlyElementsOf(SessionGenerator.COLUMNS);
        assertThat(generate(0, 5, 2).rows()).isZero();
    }

    @Test
    void plantedSignalShows() {
        Table t = generate(200_000, 3, 2);
        NumericColumn y = t.numeric("Converted");
        CategoricalColumn engine = t.categorical("Recommendation_Engine");
        CategoricalColumn device = t.categorical("Device_Type");
        NumericColumn time = t.numeric("Time_Spent");
        double[][] conv = new double[2][3];
        double[][] n = new double[2][3];
        double convLong = 0;
        double nLong = 0;
        double convShort = 0;
        double nShort = 0;
        for (int i = 0; i < t.rows(); i++) {
            conv[engine.code(i)][device.code(i)] += y.get(i);
            n[engine.code(i)][device.code(i)]++;
            if (time.get(i) > 10) {
                convLong += y.get(i);
                nLong++;
            } else if (time.get(i) > 0 && time.get(i) < 2) {
                convShort += y.get(i);
                nShort++;
            }
        }
        double rate = y.mean();
        assertThat(rate).isBetween(0.08, 0.20);
        int newE = engine.codeOf("New");
        int oldE = engine.codeOf("Old");
        int mobile = device.codeOf("Mobile");
        int desktop = device.codeOf("Desktop");
        double liftMobile = conv[newE][mobile] / n[newE][mobile] - conv[oldE][mobile] / n[oldE][mobile];
        double liftDesktop = conv[newE][desktop] / n[newE][desktop] - conv[oldE][desktop] / n[oldE][desktop];
        assertThat(liftDesktop).isGreaterThan(0.005);
        assertThat(liftMobile).isGreaterThan(liftDesktop + 0.01); // the interaction: new engine helps more on mobile
        assertThat(convLong / nLong).isGreaterThan(2 * convShort / nShort);
    }

    @Test
    void dirtyRowsArePresentAtTheConfiguredRates() {
        Table t = generate(100_000, 9, 2);
        int dups = t.rows() - new DropDuplicates().apply(t).rows();
        assertThat(dups).isBetween(700, 1300); // 1% of rows
        int badTime = t.rows() - RowFilter.greaterThan("Time_Spent", 0).apply(t).rows();
        assertThat(badTime).isBetween(700, 1300);
        assertThat(t.numeric("Age").missingCount()).isBetween(300, 700);
        assertThat(t.categorical("Gender").missingCount()).isBetween(300, 700);
        Table clean = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(20_000).clean().build());
        assertThat(new DropDuplicates().apply(clean).rows()).isEqualTo(20_000);
        assertThat(clean.numeric("Age").missingCount()).isZero();
        assertThat(RowFilter.greaterThan("Time_Spent", 0).apply(clean).rows()).isEqualTo(20_000);
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> SessionGeneratorConfig.builder().rows(-1).build()).hasMessage("rows must be >= 0, was -1");
        assertThatThrownBy(() -> SessionGeneratorConfig.builder().duplicateRate(0.7).build())
                .hasMessage("duplicateRate must be in [0, 0.5], was 0.7");
    }

    @Test
    void oneHotGivesTwentyTwoColumns() {
        Table t = generate(10_000, 1, 2);
        FittedPipeline p = Pipeline.builder().drop("User_ID", "Session_ID").oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
                .target("Converted").build().fit(t);
        assertThat(p.featureCount()).isEqualTo(22);
    }
}
