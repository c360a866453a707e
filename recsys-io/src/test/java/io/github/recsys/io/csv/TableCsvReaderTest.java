package io.github.recsys.io.csv;

import io.github.recsys.conversion.data.BooleanColumn;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.CategoricalColumn;
import io.github.recsys.conversion.data.ColumnType;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.Schema;
import io.github.recsys.conversion.data.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableCsvReaderTest {

    private static Table read(String csv) throws IOException {
        return read(TableCsvReader.builder().build(), csv).table();
    }

    private static CsvReadReport read(TableCsvReader reader, String csv) throws IOException {
        return reader.read(new StringReader(csv), "sessions.csv");
    }

    @Test
    void rfc4180QuotingEdgeCases() throws IOException {
        String csv = "id,text,score\r\n"
                + "1,\"comma, inside\",0.5\r\n"
                + "2,\"doubled \"\"quotes\"\"\",1.5\r\n"
                + "3,\"line\nbreak\",2\r\n"
                + "4,,\"3\"\r\n"
                + "5,\"\",\r\n";
        Table t = read(csv);
        assertThat(t.rows()).isEqualTo(5);
        CategoricalColumn text = t.categorical("text");
        assertThat(text.level(0)).isEqualTo("comma, inside");
        assertThat(text.level(1)).isEqualTo("doubled \"quotes\"");
        assertThat(text.level(2)).isEqualTo("line\nbreak");
        assertThat(text.isMissing(3)).isTrue();
        assertThat(text.isMissing(4)).isTrue();
        NumericColumn score = t.numeric("score");
        assertThat(score.toArray()).containsExactly(0.5, 1.5, 2.0, 3.0, Double.NaN);
    }

    @Test
    void detectsSemicolonAndSkipsBomAndBlankLines() throws IOException {
        CsvReadReport r = read(TableCsvReader.builder().build(), "\uFEFFa;b;\"c;d\"\n1,5;x;yes\n\n2;y;no\n");
        assertThat(r.delimiter()).isEqualTo(';');
        Table t = r.table();
        assertThat(t.columnNames()).containsExactly("a", "b", "c;d");
        // "1,5" is not a number with '.' decimals, so column a becomes categorical
        assertThat(t.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(t.bool("c;d").isTrue(0)).isTrue();
        assertThat(t.bool("c;d").isTrue(1)).isFalse();
        assertThat(t.rows()).isEqualTo(2);
    }

    @Test
    void infersTypes() throws IOException {
        Table t = read("n,mixed,flag,label,empty,cat\n"
                + "1,1,TRUE,1,,b\n"
                + "2.5,x,false,0,NA,a\n"
                + "-3e2,1.50,True,1,,b\n");
        assertThat(t.column("n").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(t.numeric("n").toArray()).containsExactly(1, 2.5, -300);
        CategoricalColumn mixed = t.categorical("mixed");
        assertThat(mixed.levels()).containsExactly("1", "1.5", "x"); // "1.50" canonicalized; natural string order
        assertThat(mixed.level(2)).isEqualTo("1.5");
        assertThat(t.bool("flag").code(2)).isEqualTo(BooleanColumn.TRUE);
        assertThat(t.column("label").type()).isEqualTo(ColumnType.NUMERIC); // 1/0 stays numeric unless declared
        assertThat(t.numeric("empty").missingCount()).isEqualTo(3);
        assertThat(t.categorical("cat").levels()).containsExactly("a", "b");
        assertThat(t.categorical("cat").code(0)).isEqualTo(1);
    }

    @Test
    void explicitSchemaParsesDeclaredTypes() throws IOException {
        Schema s = Schema.builder().categorical("os").bool("label").numeric("x").build();
        Table t = read(TableCsvReader.builder().schema(s).build(), "os,label,x\n10,1,3\n2,no,\n10,YES,4\n").table();
        assertThat(t.categorical("os").levels()).containsExactly("2", "10");
        assertThat(t.bool("label").code(0)).isEqualTo(BooleanColumn.TRUE);
        assertThat(t.bool("label").code(1)).isEqualTo(BooleanColumn.FALSE);
        assertThat(t.numeric("x").isMissing(1)).isTrue();
    }

    @Test
    void wrongTypeInExplicitSchemaNamesFileLineAndColumn() {
        Schema s = Schema.builder().numeric("Time_Spent").build();
        String csv = "Session_ID,Time_Spent\n1,3.5\n2,\"multi\nline\"\n";
        assertThatThrownBy(() -> read(TableCsvReader.builder().schema(s).build(), "Session_ID,Time_Spent\n1,3.5\n2,abc\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("sessions.csv:3: column 'Time_Spent': expected a number, was 'abc'");
        assertThatThrownBy(() -> read(TableCsvReader.builder().schema(s).build(), csv))
                .hasMessageStartingWith("sessions.csv:3: column 'Time_Spent': expected a number");
        Schema b = Schema.builder().bool("Converted").build();
        assertThatThrownBy(() -> read(TableCsvReader.builder().schema(b).build(), "Converted\nyes\nmaybe\n"))
                .hasMessage("sessions.csv:3: column 'Converted': expected a boolean (true/false, yes/no, 1/0), was 'maybe'");
    }

    @Test
    void lenientModeCountsBadValuesAndSkippedRows() throws IOException {
        Schema s = Schema.builder().numeric("x").build();
        CsvReadReport r = read(TableCsvReader.builder().schema(s).lenient(true).build(), "x,y\n1,a\nabc,b\n3\n4,d\n");
        assertThat(r.table().rows()).isEqualTo(3);
        assertThat(r.badValues()).isEqualTo(1);
        assertThat(r.skippedRows()).isEqualTo(1);
        assertThat(r.table().numeric("x").toArray()).containsExactly(1, Double.NaN, 4);
        assertThat(r.firstProblems()).hasSize(2);
        assertThat(r.firstProblems().get(1)).startsWith("sessions.csv:4: expected 2 fields");
    }

    @Test
    void emptyFileIsAnError() {
        assertThatThrownBy(() -> read("")).isInstanceOf(CsvTableException.class)
                .hasMessage("sessions.csv: empty file, expected a header line");
        assertThatThrownBy(() -> read("\n")).hasMessageContaining("empty file");
    }

    @Test
    void raggedRowsNameTheLine() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n4,5\n")).isInstanceOf(CsvTableException.class)
                .hasMessage("sessions.csv:3: expected 3 fields as in the header, found 2");
        assertThatThrownBy(() -> read("a,b\n1,2\n3,4,5\n"))
                .hasMessage("sessions.csv:3: expected 2 fields as in the header, found 3");
    }

    @Test
    void headerAndSchemaProblems() {
        assertThatThrownBy(() -> read("a,b,a\n1,2,3\n")).hasMessage("sessions.csv:1: column name 'a' appears twice in the header");
        assertThatThrownBy(() -> read("a,,c\n1,2,3\n")).hasMessageContaining("header field 2 is empty");
        Schema s = Schema.builder().numeric("Age").build();
        assertThatThrownBy(() -> read(TableCsvReader.builder().schema(s).build(), "a,b\n1,2\n"))
                .hasMessage("sessions.csv:1: schema declares column 'Age' which is not in the header [a, b]");
        Schema closed = Schema.builder().numeric("a").inferOthers(false).build();
        assertThatThrownBy(() -> read(TableCsvReader.builder().schema(closed).build(), "a,b\n1,2\n"))
                .hasMessage("sessions.csv:1: column 'b' is not declared in the schema [a]");
        assertThatThrownBy(() -> read("a,b\n1,\"unterminated\n"))
                .isInstanceOf(CsvTableException.class).hasMessageContaining("malformed CSV");
    }

    @Test
    void writeThenReadGivesAnEqualTable() throws IOException {
        Table t = Table.of(
                NumericColumn.of("x", new double[] {1, 2.25, Double.NaN, -1e-7}),
                CategoricalColumn.ofLevels("name", new String[] {"a,b", "q\"uote", null, "plain"}),
                BooleanColumn.of("flag", new byte[] {1, 0, -1, 1}));
        StringWriter w = new StringWriter();
        TableCsvWriter.builder().build().write(t, w);
        assertThat(w.toString()).startsWith("x,name,flag\n1,\"a,b\",TRUE\n2.25,");
        Table back = read(w.toString());
        assertThat(back).isEqualTo(t);
        StringWriter w2 = new StringWriter();
        TableCsvWriter.builder().delimiter(';').build().write(t, w2);
        assertThat(read(w2.toString())).isEqualTo(t);
    }

    @Test
    void readsOnlineShoppers() throws IOException {
        Path file = datasets().resolve("online-shoppers/online_shoppers_intention.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "online shoppers data set not found at " + file + "; skipping");
        Schema s = Schema.builder().categorical("OperatingSystems", "Browser", "Region", "TrafficType").build();
        Table t = TableCsvReader.builder().schema(s).build().read(file);
        assertThat(t.rows()).isEqualTo(12_330);
        assertThat(t.columnCount()).isEqualTo(18);
        assertThat(t.bool("Revenue").trueCount()).isEqualTo(1908);
        assertThat(t.bool("Weekend").missingCount()).isZero();
        assertThat(t.categorical("Month").levels()).contains("Feb", "Nov", "Dec");
        assertThat(t.categorical("VisitorType").levels()).containsExactly("New_Visitor", "Other", "Returning_Visitor");
        assertThat(t.categorical("OperatingSystems").levelOf(0)).isEqualTo("1");
        assertThat(t.numeric("PageValues").mean()).isBetween(5.0, 7.0);
        assertThat(t.summary().columns()).hasSize(18);
        assertThat(List.of(t.summary().toString().split("\n"))).hasSize(20);
    }

    @Test
    void onlineShoppersThroughAPipeline() throws IOException {
        Path file = datasets().resolve("online-shoppers/online_shoppers_intention.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "online shoppers data set not found at " + file + "; skipping");
        Schema s = Schema.builder().categorical("OperatingSystems", "Browser", "Region", "TrafficType").build();
        Table t = TableCsvReader.builder().schema(s).build().read(file);
        FeatureMatrix x = Pipeline.builder().standardizeNumerics().oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
                .target("Revenue").build().fit(t).transform(t);
        int levels = 0;
        int numeric = 0;
        for (Column c : t.columns()) {
            if (c instanceof CategoricalColumn k) {
                levels += k.cardinality();
            } else if (c.type() == ColumnType.NUMERIC) {
                numeric++;
            }
        }
        assertThat(numeric).isEqualTo(10);
        assertThat(x.cols()).isEqualTo(numeric + levels + 1); // + Weekend as 0/1
        assertThat(x.rows()).isEqualTo(12_330);
        assertThat(java.util.Arrays.stream(x.rawValues()).anyMatch(Double::isNaN)).isFalse();
        assertThat(java.util.Arrays.stream(x.labels()).sum()).isEqualTo(1908);
    }

    static Path datasets() {
        String p = System.getProperty("recsys.datasets");
        return Path.of(p != null ? p : "../../shared/datasets");
    }
}
