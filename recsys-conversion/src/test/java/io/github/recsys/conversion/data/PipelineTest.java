package io.github.recsys.conversion.data;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PipelineTest {

    /** 6 rows: a duplicate (row 5 = row 0), a non-positive time (row 3), missing age and device. */
    private static Table sessions() {
        return Table.of(
                NumericColumn.of("Age", new double[] {20, 30, Double.NaN, 50, 40, 20}),
                CategoricalColumn.ofLevels("Device", new String[] {"Mobile", "Desktop", "Mobile", "Tablet", null, "Mobile"}),
                NumericColumn.of("Time", new double[] {1, 2, 3, -1, 5, 1}),
                BooleanColumn.of("Converted", new byte[] {0, 1, 1, 0, 0, 0}));
    }

    @Test
    void cleaningStepsMatchHandComputedValues() {
        Table t = sessions();
        Table dedup = new DropDuplicates().fit(t).apply(t);
        assertThat(dedup.rows()).isEqualTo(5);
        assertThat(new DropDuplicates("Age").fit(t).apply(t).rows()).isEqualTo(5); // 20, 30, NaN, 50, 40 (20 repeats)
        assertThat(new DropDuplicates("Device").fit(t).apply(t).rows()).isEqualTo(4); // Mobile, Desktop, Tablet, missing
        Table pos = RowFilter.greaterThan("Time", 0).fit(dedup).apply(dedup);
        assertThat(pos.numeric("Time").toArray()).containsExactly(1, 2, 3, 5);
        assertThat(RowFilter.notMissing("Age", "Device").apply(t).rows()).isEqualTo(4);
        assertThat(RowFilter.levelIn("Device", "Tablet", "Desktop").apply(t).rows()).isEqualTo(2);

        // mean of ages 20, 30, 40 = 30; median of 20, 30, 40 = 30; most frequent device = Mobile
        Table mean = Imputer.of("Age", Imputer.Strategy.MEAN).fit(pos).apply(pos);
        assertThat(mean.numeric("Age").toArray()).containsExactly(20, 30, 30, 40);
        Table med = Imputer.of("Age", Imputer.Strategy.MEDIAN).fit(t).apply(t); // 20,20,30,40,50 -> 30
        assertThat(med.numeric("Age").get(2)).isEqualTo(30);
        Table mode = Imputer.of("Device", Imputer.Strategy.MOST_FREQUENT).fit(t).apply(t);
        assertThat(mode.categorical("Device").level(4)).isEqualTo("Mobile");
        Table cst = Imputer.constant("Device", "Unknown").fit(t).apply(t);
        assertThat(cst.categorical("Device").level(4)).isEqualTo("Unknown");
        assertThat(cst.categorical("Device").level(0)).isEqualTo("Mobile");
        assertThatThrownBy(() -> Imputer.of("Device", Imputer.Strategy.MEAN).fit(t))
                .hasMessageContaining("needs a numeric column, it is categorical");
    }

    @Test
    void scalersMatchHandComputedValues() {
        Table t = Table.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, Double.NaN}));
        // mean 2.5, population sd sqrt(1.25)
        Table z = Scaler.standard("x").fit(t).apply(t);
        double sd = Math.sqrt(1.25);
        assertThat(z.numeric("x").get(0)).isCloseTo(-1.5 / sd, within(1e-15));
        assertThat(z.numeric("x").get(3)).isCloseTo(1.5 / sd, within(1e-15));
        assertThat(z.numeric("x").isMissing(4)).isTrue();
        Table m = Scaler.minMax("x").fit(t).apply(t);
        assertThat(m.numeric("x").toArray()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1, Double.NaN);
        Table constant = Table.of(NumericColumn.of("c", new double[] {7, 7}));
        assertThat(Scaler.standard("c").fit(constant).apply(constant).numeric("c").toArray()).containsExactly(0, 0);
    }

    @Test
    void oneHotOrdinalAndBinning() {
        Table t = sessions();
        FittedTransform oh = OneHotEncoder.of("Device").fit(t);
        Table o = oh.apply(t);
        assertThat(o.columnNames()).containsExactly("Age", "Device=Desktop", "Device=Mobile", "Device=Tablet", "Time", "Converted");
        assertThat(o.numeric("Device=Mobile").toArray()).containsExactly(1, 0, 1, 0, 0, 1);
        assertThat(o.numeric("Device=Tablet").get(4)).isZero(); // missing -> all zero

        Table unseen = Table.of(CategoricalColumn.ofLevels("Device", new String[] {"Watch", "Tablet"}));
        Table zero = OneHotEncoder.of("Device").fit(t).apply(unseen);
        assertThat(zero.numeric("Device=Desktop").get(0) + zero.numeric("Device=Mobile").get(0)
                + zero.numeric("Device=Tablet").get(0)).isZero();
        Table other = new OneHotEncoder(List.of("Device"), List.of(), OneHotEncoder.Unknown.OTHER, true).fit(t).apply(unseen);
        assertThat(other.columnNames()).containsExactly("Device=Mobile", "Device=Tablet", "Device=(other)");
        assertThat(other.numeric("Device=(other)").toArray()).containsExactly(1, 0);
        assertThat(other.numeric("Device=Tablet").toArray()).containsExactly(0, 1);

        Table ord = new OrdinalEncoder("Device", List.of("Tablet", "Mobile", "Desktop")).fit(t).apply(t);
        assertThat(ord.numeric("Device").toArray()).containsExactly(1, 2, 1, 0, Double.NaN, 1);
        assertThat(new OrdinalEncoder("Device", List.of()).fit(t).apply(unseen).numeric("Device").toArray())
                .containsExactly(OrdinalEncoder.UNKNOWN, 2);

        Binner ages = new Binner("Age", "Age_Group", new double[] {18, 25, 35, 45, Double.POSITIVE_INFINITY},
                new String[] {"18-24", "25-34", "35-44", "45+"});
        Table b = ages.fit(t).apply(t);
        assertThat(b.categorical("Age_Group").level(0)).isEqualTo("18-24");
        assertThat(b.categorical("Age_Group").level(1)).isEqualTo("25-34");
        assertThat(b.categorical("Age_Group").level(2)).isNull();
        assertThat(b.categorical("Age_Group").level(3)).isEqualTo("45+");
        assertThat(b.categorical("Age_Group").level(4)).isEqualTo("35-44"); // 40 in [35, 45)
        assertThat(b.numeric("Age").get(0)).isEqualTo(20); // input kept
        assertThatThrownBy(() -> new Binner("Age", "g", new double[] {1, 1}, new String[] {"a"}))
                .hasMessageContaining("strictly increasing");
    }

    @Test
    void pipelineProducesFeaturesAndLabels() {
        FittedPipeline p = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time", 0))
                .impute("Age", Imputer.Strategy.MEAN)
                .imputeConstant("Device", "Mobile")
                .standardize("Age")
                .oneHot("Device")
                .target("Converted")
                .build().fit(sessions());
        assertThat(p.featureNames()).containsExactly("Age", "Device=Desktop", "Device=Mobile", "Time");
        CleaningReport report = p.cleanWithReport(sessions());
        assertThat(report.removals()).extracting(CleaningReport.Removal::removed).containsExactly(1, 1);
        assertThat(report.removed()).isEqualTo(2);
        assertThat(report.toString()).contains("DropDuplicates[all columns]: removed 1 of 6 rows", "kept 4 of 6 rows");
        FeatureMatrix x = p.transform(sessions());
        assertThat(x.rows()).isEqualTo(4);
        assertThat(x.labels()).containsExactly(0, 1, 1, 0);
        // ages after dedup/filter: 20, 30, NaN->30, 40: mean 30, sd sqrt(50)
        assertThat(x.get(0, 0)).isCloseTo(-10 / Math.sqrt(50), within(1e-12));
        assertThat(x.get(2, 0)).isCloseTo(0, within(1e-12));
        assertThat(x.row(3)).containsExactly(10 / Math.sqrt(50), 0, 1, 5); // device imputed as Mobile
    }

    @Test
    void nativeCategoricalCodesForTrees() {
        FittedPipeline p = Pipeline.builder().target("Converted").build().fit(sessions());
        FeatureMatrix x = p.transform(sessions());
        assertThat(x.cardinality(1)).isEqualTo(3);
        assertThat(x.isCategorical(1)).isTrue();
        assertThat(x.get(1, 1)).isZero(); // Desktop
        assertThat(x.get(4, 1)).isNaN(); // missing
        assertThat(x.cardinality(0)).isZero();
    }

    @Test
    void pipelineOnSingleRowsEqualsPipelineOnTable() {
        Table t = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(3000).seed(11).threads(1).build());
        Pipeline pipeline = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time_Spent", 0))
                .drop("User_ID", "Session_ID")
                .impute("Age", Imputer.Strategy.MEDIAN)
                .impute("Gender", Imputer.Strategy.MOST_FREQUENT)
                .imputeConstant("Location", "Unknown")
                .bin("Age", "Age_Group", new double[] {0, 25, 35, 50, 200}, new String[] {"<25", "25-34", "35-49", "50+"})
                .minMax("Pages_Viewed")
                .standardizeNumerics()
                .oneHotCategoricals(OneHotEncoder.Unknown.OTHER, true)
                .target("Converted")
                .build();
        FittedPipeline p = pipeline.fit(t);
        Table clean = p.clean(t);
        FeatureMatrix x = p.transform(t);
        assertThat(x.rows()).isEqualTo(clean.rows()).isLessThan(t.rows());
        Pipeline.Fitted once = pipeline.fitTransform(t);
        assertThat(once.features().values()).isEqualTo(x.values());
        assertThat(once.features().labels()).isEqualTo(x.labels());
        assertThat(once.pipeline().featureNames()).isEqualTo(p.featureNames());
        Table raw = new DropDuplicates().apply(t);
        raw = RowFilter.greaterThan("Time_Spent", 0).apply(raw);
        assertThat(raw.rows()).isEqualTo(x.rows());
        for (int i = 0; i < raw.rows(); i += 7) {
            Map<String, Object> form = new HashMap<>();
            for (Column c : raw.columns()) {
                if (!c.name().equals("Converted")) {
                    form.put(c.name(), c.text(i)); // strings, as typed in a web form; null = missing
                }
            }
            assertThat(p.transformRow(form)).as("row " + i).containsExactly(x.row(i));
        }
        Map<String, Object> typed = new HashMap<>();
        typed.put("Age", 31);
        typed.put("Gender", "Female");
        typed.put("Device_Type", "Watch"); // unseen level -> (other)
        typed.put("Time_Spent", 4.5);
        typed.put("Pages_Viewed", 3);
        double[] r = p.transformRow(typed);
        assertThat(r).hasSize(p.featureCount()).doesNotContain(Double.NaN); // Age, Gender, Location imputed
        assertThat(r[p.featureNames().indexOf("Device_Type=(other)")]).isEqualTo(1.0);
        assertThatThrownBy(() -> p.transformRow(Map.of("Agee", 3))).hasMessageStartingWith("unknown field 'Agee'; expected fields [User_ID");
        assertThatThrownBy(() -> p.transformRow(Map.of("Age", "old")))
                .hasMessage("field 'Age': expected a number, was 'old'");
    }

    @Test
    void targetErrors() {
        Table t = sessions();
        assertThatThrownBy(() -> Pipeline.builder().target("Revenue").build().fit(t))
                .hasMessage("unknown target column 'Revenue'; columns are [Age, Device, Time, Converted]");
        Table single = Table.of(NumericColumn.of("x", new double[] {1, 2, 3, 4}),
                NumericColumn.of("Converted", new double[] {0, 0, 0, 0}));
        assertThatThrownBy(() -> Pipeline.builder().target("Converted").build().fit(single))
                .hasMessage("target 'Converted' has a single class (all 0) in 4 rows");
        Table notBinary = Table.of(NumericColumn.of("x", new double[] {1, 2}), NumericColumn.of("y", new double[] {0, 2}));
        assertThatThrownBy(() -> Pipeline.builder().target("y").build().fit(notBinary))
                .hasMessage("target 'y' must be boolean or 0/1, found 2.0 at row 1");
        Table missing = Table.of(NumericColumn.of("x", new double[] {1, 2, 3}), BooleanColumn.of("y", new byte[] {1, -1, 0}));
        assertThatThrownBy(() -> Pipeline.builder().target("y").build().fit(missing))
                .hasMessageStartingWith("target 'y' is missing in 1 rows (first at row 1)");
        assertThat(Pipeline.builder().filter(RowFilter.notMissing("y")).target("y").build().fit(missing).featureCount()).isEqualTo(1);
        Table cat = Table.of(NumericColumn.of("x", new double[] {1, 2}), CategoricalColumn.ofLevels("y", new String[] {"buy", "leave"}));
        assertThatThrownBy(() -> Pipeline.builder().target("y").build().fit(cat)).hasMessageContaining("name the positive level");
        assertThat(Pipeline.builder().target("y", "buy").build().fit(cat).transform(cat).labels()).containsExactly(1, 0);
        // a test table without the target gives unlabeled features
        FittedPipeline p = Pipeline.builder().oneHot("Device").target("Converted").build().fit(t);
        assertThat(p.transform(t.drop("Converted")).hasLabels()).isFalse();
        assertThatThrownBy(() -> p.transform(t.drop("Time"))).hasMessageContaining("feature column 'Time' is missing");
    }
}
