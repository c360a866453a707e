package io.github.recsys.conversion.abtest;

import io.github.recsys.conversion.data.Binner;
import io.github.recsys.conversion.data.BooleanColumn;
import io.github.recsys.conversion.data.CategoricalColumn;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentAnalysisTest {

    private static Table sessions() {
        return Table.of(
                CategoricalColumn.ofLevels("Device", new String[] {"Mobile", "Desktop", "Mobile", "Mobile", null, "Desktop", "Mobile"}),
                CategoricalColumn.ofLevels("Engine", new String[] {"New", "Old", "Old", "New", "New", "New", "New"}),
                NumericColumn.of("Rating", new double[] {1, 2, 2, 3, 1, Double.NaN, 3}),
                NumericColumn.of("Age", new double[] {20, 31, 42, 53, 64, 75, 26}),
                BooleanColumn.of("Converted", new byte[] {1, 0, 0, 1, 1, 1, -1}));
    }

    @Test
    void countsBySingleColumnMatchHandCounts() {
        SegmentTable s = SegmentAnalysis.conversionBy(sessions(), "Converted", "Device");
        assertThat(s.rows()).extracting(SegmentRow::key)
                .containsExactly(List.of("Desktop"), List.of("Mobile"), List.of(SegmentAnalysis.MISSING));
        Proportion desktop = s.rows().get(0).conversion();
        assertThat(desktop.successes()).isEqualTo(1);
        assertThat(desktop.trials()).isEqualTo(2);
        Proportion mobile = s.rows().get(1).conversion();
        assertThat(mobile.successes()).isEqualTo(2);
        assertThat(mobile.trials()).isEqualTo(3); // the row with a missing target is left out
        assertThat(mobile).isEqualTo(Proportion.wilson(2, 3));
        assertThat(s.overall().trials()).isEqualTo(6);
        assertThat(s.overall().successes()).isEqualTo(4);
        assertThat(s.skippedMissingTarget()).isEqualTo(1);
        assertThat(s.toText()).contains("Desktop", "(all)", "sessions", "50.00%");
    }

    @Test
    void pairsAndSmallNumericColumns() {
        SegmentTable s = SegmentAnalysis.conversionBy(sessions(), "Converted", "Engine", "Device");
        assertThat(s.rows()).extracting(SegmentRow::key).containsExactly(
                List.of("New", "Desktop"), List.of("New", "Mobile"), List.of("New", SegmentAnalysis.MISSING),
                List.of("Old", "Desktop"), List.of("Old", "Mobile"));
        long total = s.rows().stream().mapToLong(r -> r.conversion().trials()).sum();
        assertThat(total).isEqualTo(s.overall().trials());
        SegmentTable byRating = SegmentAnalysis.conversionBy(sessions(), "Converted", "Rating");
        assertThat(byRating.rows()).extracting(r -> r.key().get(0)).containsExactly("1", "2", "3", SegmentAnalysis.MISSING);
        assertThat(byRating.rows().get(0).conversion().successes()).isEqualTo(2);
    }

    @Test
    void clearErrors() {
        Table many = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(2000).threads(1).build());
        assertThatThrownBy(() -> SegmentAnalysis.conversionBy(many, "Converted", "Time_Spent"))
                .hasMessageStartingWith("column 'Time_Spent' is numeric with").hasMessageContaining("bin it first");
        assertThatThrownBy(() -> SegmentAnalysis.conversionBy(many, "Revenue", "Device_Type"))
                .hasMessageStartingWith("unknown target column 'Revenue'; columns are [User_ID");
        assertThatThrownBy(() -> SegmentAnalysis.conversionBy(many, "Converted", "Device"))
                .hasMessageStartingWith("unknown column 'Device'; columns are");
        assertThatThrownBy(() -> SegmentAnalysis.conversionBy(many, "Converted", "A", "B", "C"))
                .hasMessageStartingWith("segments need one or two grouping columns, was 3");
        assertThatThrownBy(() -> SegmentAnalysis.conversionBy(many, "Age", "Device_Type"))
                .hasMessageStartingWith("target 'Age' must be boolean or 0/1");
    }

    @Test
    void pairCountsMatchAMapBasedReference() {
        Table t = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(30_000).seed(4).threads(1).missingRate(0.05).build());
        SegmentTable s = SegmentAnalysis.conversionBy(t, "Converted", "Location", "Device_Type");
        java.util.Map<List<String>, long[]> ref = new java.util.HashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            String loc = t.column("Location").text(i);
            List<String> key = List.of(loc == null ? SegmentAnalysis.MISSING : loc, t.column("Device_Type").text(i));
            long[] c = ref.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += (long) t.numeric("Converted").get(i);
        }
        assertThat(s.rows()).hasSize(ref.size());
        for (SegmentRow r : s.rows()) {
            long[] c = ref.get(r.key());
            assertThat(r.conversion().trials()).as(r.key().toString()).isEqualTo(c[0]);
            assertThat(r.conversion().successes()).as(r.key().toString()).isEqualTo(c[1]);
        }
    }

    @Test
    void binnedAgeGroups() {
        Table t = sessions();
        Table binned = Binner.ranges("Age", "Age_Group", new double[] {18, 30, 50, Double.POSITIVE_INFINITY}).fit(t).apply(t);
        SegmentTable s = SegmentAnalysis.conversionBy(binned, "Converted", "Age_Group");
        assertThat(s.rows()).extracting(r -> r.key().get(0)).containsExactly("[18, 30)", "[30, 50)", "[50, inf]");
        assertThat(s.rows().get(0).conversion().trials()).isEqualTo(1); // 20 (26 has a missing target)
        assertThat(s.rows().get(2).conversion().trials()).isEqualTo(3); // 53, 64, 75
    }
}
