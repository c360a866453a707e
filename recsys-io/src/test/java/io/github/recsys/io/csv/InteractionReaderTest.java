package io.github.recsys.io.csv;

import io.github.recsys.data.EventWeights;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionReaderTest {

    @TempDir
    Path dir;

    private static ReadResult read(InteractionReader r, String text) throws IOException {
        return r.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.tsv");
    }

    private static ReadResult read(String text) throws IOException {
        return read(InteractionReader.defaults(), text);
    }

    @Test
    void readsTabSeparatedWithTimestamps() throws IOException {
        ReadResult r = read("196\t242\t3\t881250949\n186\t302\t3\t891717742\r\n196\t302\t1\t878887116\n\n");
        InteractionLog log = r.log();
        assertThat(r.delimiter()).isEqualTo(Delimiter.TAB);
        assertThat(r.header()).isFalse();
        assertThat(r.lines()).isEqualTo(4);
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.userIndex().idsAsStrings()).containsExactly("196", "186");
        assertThat(log.itemIndex().idsAsStrings()).containsExactly("242", "302");
        assertThat(log.users()).containsExactly(0, 1, 0);
        assertThat(log.items()).containsExactly(0, 1, 1);
        assertThat(log.values()).containsExactly(3f, 3f, 1f);
        assertThat(log.timestamps()).containsExactly(881250949L, 891717742L, 878887116L);
        assertThat(log.userIndex().isNumeric()).isTrue();
    }

    @Test
    void detectsEachDelimiter() throws IOException {
        assertThat(read("1::10::5::978300760\n2::11::3::978302109").delimiter()).isEqualTo(Delimiter.DOUBLE_COLON);
        assertThat(read("1,10,5\n2, 11 ,3\n").log().items()).containsExactly(0, 1);
        assertThat(read("1,10,5\n").delimiter()).isEqualTo(Delimiter.COMMA);
        ReadResult ws = read("  1   10  2.5\n2 \t 11 3\n");
        assertThat(ws.delimiter()).isEqualTo(Delimiter.WHITESPACE);
        assertThat(ws.log().values()).containsExactly(2.5f, 3f);
        ReadResult noValue = read("a b\nc d\n");
        assertThat(noValue.log().values()).containsExactly(1f, 1f);
        assertThat(noValue.log().hasTimestamps()).isFalse();
    }

    @Test
    void headerByNameAndQuotedFields() throws IOException {
        InteractionReader r = InteractionReader.builder().userColumn("userID").itemColumn("artistID").valueColumn("weight")
                .noTimestampColumn().build();
        ReadResult res = read(r, "artistID\tuserID\tweight\n51\t2\t13883\n52\t2\t11690\n");
        assertThat(res.header()).isTrue();
        assertThat(res.log().userIndex().idsAsStrings()).containsExactly("2");
        assertThat(res.log().itemIndex().idsAsStrings()).containsExactly("51", "52");
        assertThat(res.log().values()).containsExactly(13883f, 11690f);
        // detected header (value field not a number), quoted CSV fields with an escaped quote
        ReadResult q = read("user,item,count\n\"al,ice\",\"the \"\"best\"\" item\",2\n");
        assertThat(q.header()).isTrue();
        assertThat(q.log().userIndex().idAt(0)).isEqualTo("al,ice");
        assertThat(q.log().itemIndex().idAt(0)).isEqualTo("the \"best\" item");
        assertThatThrownBy(() -> read(r, "user\titem\tweight\n1\t2\t3\n"))
                .isInstanceOf(InteractionFormatException.class)
                .hasMessageContaining("x.tsv:1: header has no column 'userID'");
    }

    @Test
    void switchesToStringIdsKeepingIndices() throws IOException {
        ReadResult r = read("1\t7\t1\n2\t007\t1\nbob\t7\t1\n");
        InteractionLog log = r.log();
        assertThat(log.userIndex().isNumeric()).isFalse();
        assertThat(log.userIndex().idsAsStrings()).containsExactly("1", "2", "bob");
        assertThat(log.itemIndex().idsAsStrings()).containsExactly("7", "007");
        assertThat(log.items()).containsExactly(0, 1, 0);
        assertThatThrownBy(() -> read(InteractionReader.builder().idType(InteractionReader.IdType.LONG).build(), "1\tx\t1\n"))
                .hasMessage("x.tsv:1: field 2 (item): expected an integer id, was 'x'");
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        ReadResult r = read("\uFEFF7\t8\t1\n9\t8\t2\n");
        assertThat(r.log().userIndex().isNumeric()).isTrue();
        assertThat(r.log().userIndex().idsAsStrings()).containsExactly("7", "9");
    }

    @Test
    void smallLargeAndNegativeNumericIdsShareOneIndex() throws IOException {
        ReadResult r = read("-3\t5\t1\n5\t4194304\t1\n-3\t4194303\t1\n9223372036854775807\t5\t1\n5\t4194304\t1\n");
        InteractionLog log = r.log();
        assertThat(log.userIndex().idsAsStrings()).containsExactly("-3", "5", "9223372036854775807");
        assertThat(log.users()).containsExactly(0, 1, 0, 2, 1);
        assertThat(log.itemIndex().idsAsStrings()).containsExactly("5", "4194304", "4194303");
        assertThat(log.items()).containsExactly(0, 1, 2, 0, 1);
    }

    @Test
    void eventTypesBecomeWeightsAndAggregate() throws IOException {
        InteractionReader r = InteractionReader.builder().header(true).userColumn("user").itemColumn("feature")
                .eventColumn("event", EventWeights.of(Map.of("click", 1, "use", 3))).valueColumn("count").timestampColumn("time").build();
        ReadResult res = read(r, "user,feature,event,count,time\nu1,Bill Pay,click,2,10\nu1,Bill Pay,use,1,11\nu2,PayPal.Me,use,4,12\n");
        InteractionMatrix m = res.log().toMatrix();
        assertThat(res.log().values()).containsExactly(2f, 3f, 12f);
        assertThat(m.get(0, 0)).isEqualTo(5f);
        assertThat(m.get(1, 1)).isEqualTo(12f);
        assertThatThrownBy(() -> read(r, "user,feature,event,count,time\nu1,Bill Pay,view,2,10\n"))
                .hasMessage("x.tsv:2: field 3 (event): expected one of click, use, was 'view'");
        InteractionReader withDefault = InteractionReader.builder().userColumn("user").itemColumn("feature")
                .eventColumn("event", EventWeights.builder().weight("use", 3).defaultWeight(0.5).build())
                .valueColumn("count").noTimestampColumn().build();
        assertThat(read(withDefault, "user,feature,event,count\nu1,Bill Pay,view,2\nu1,One Touch,use,2\n").log().values())
                .containsExactly(1f, 6f);
    }

    @Test
    void gzipDetectedByMagicBytes() throws IOException {
        Path p = dir.resolve("data.txt"); // no .gz suffix on purpose
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("5\t6\t1.5\n5\t7\t2\n".getBytes(StandardCharsets.UTF_8));
        }
        ReadResult r = InteractionReader.defaults().read(p);
        assertThat(r.log().size()).isEqualTo(2);
        assertThat(r.log().values()).containsExactly(1.5f, 2f);
        assertThat(r.source()).isEqualTo(p.toString());
    }

    @Test
    void strictErrorsNameFileLineAndField() {
        assertThatThrownBy(() -> read("1\t2\t3\n1\t3\t4\n2\t5\tabc\n"))
                .isInstanceOf(InteractionFormatException.class)
                .hasMessage("x.tsv:3: field 3 (value): expected a finite number >= 0, was 'abc'")
                .satisfies(e -> {
                    InteractionFormatException f = (InteractionFormatException) e;
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.field()).isEqualTo(3);
                    assertThat(f.fieldName()).isEqualTo("value");
                });
        assertThatThrownBy(() -> read("1\t2\t3\n1\t3\tNaN\n"))
                .hasMessage("x.tsv:2: field 3 (value): expected a finite number >= 0, was 'NaN'");
        assertThatThrownBy(() -> read("1\t2\t3\n1\t3\t-4\n"))
                .hasMessage("x.tsv:2: field 3 (value): expected a finite number >= 0, was '-4'");
        assertThatThrownBy(() -> read("1\t2\t3\n1\t3\t1e39\n")).hasMessageContaining("was '1e39'");
        assertThatThrownBy(() -> read("1\t2\t3\t100\n1\t3\n"))
                .hasMessage("x.tsv:2: field 3 (value): missing: expected at least 4 fields, the line has 2");
        assertThatThrownBy(() -> read("1\t2\t3\t100\n1\t3\t1\t1.5\n"))
                .hasMessage("x.tsv:2: field 4 (timestamp): expected an integer timestamp, was '1.5'");
        assertThatThrownBy(() -> read("1\t2\t3\n\t3\t1\n"))
                .hasMessage("x.tsv:2: field 1 (user): expected an id, was empty");
        assertThatThrownBy(() -> read("a,\"b\n")).hasMessageContaining("x.tsv:1: field 2: unterminated quoted field");
    }

    @Test
    void emptyInputIsAClearError() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InteractionFormatException.class)
                .hasMessageStartingWith("x.tsv: empty file");
        assertThatThrownBy(() -> read("\n  \n")).hasMessageStartingWith("x.tsv: empty file");
        assertThatThrownBy(() -> read("user\titem\tcount\n")).hasMessage("x.tsv: no data lines after the header");
    }

    @Test
    void lenientSkipsAndCounts() throws IOException {
        InteractionReader r = InteractionReader.builder().lenient().maxProblems(2).build();
        ReadResult res = read(r, "1\t2\t3\n1\tx\tabc\n2\t2\t-1\n3\t3\n4\t4\t4\n");
        assertThat(res.log().size()).isEqualTo(2);
        assertThat(res.skippedLines()).isEqualTo(3);
        assertThat(res.problems()).containsExactly(
                "x.tsv:2: field 3 (value): expected a finite number >= 0, was 'abc'",
                "x.tsv:3: field 3 (value): expected a finite number >= 0, was '-1'");
        // rejected lines add no ids
        assertThat(res.log().itemIndex().idsAsStrings()).containsExactly("2", "4");
        assertThatThrownBy(() -> read(InteractionReader.builder().lenient().build(), "1\t2\tz\t4\n"))
                .hasMessageContaining("no valid lines: 1 skipped, first problem: x.tsv:1: field 3 (value)");
    }

    @Test
    void randomFilesRoundTrip() throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        String[] seps = {"\t", ",", " ", "::", ";", "|"};
        for (int trial = 0; trial < 30; trial++) {
            String sep = seps[trial % seps.length];
            int n = 1 + rnd.nextInt(300);
            long[] u = new long[n];
            long[] i = new long[n];
            double[] v = new double[n];
            long[] t = new long[n];
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                u[k] = rnd.nextInt(50);
                i[k] = rnd.nextLong(1L << 40);
                v[k] = rnd.nextInt(2) == 0 ? rnd.nextInt(100) : Math.round(rnd.nextDouble() * 1e4) / 1e2;
                t[k] = rnd.nextLong(2_000_000_000L);
                sb.append(u[k]).append(sep).append(i[k]).append(sep).append(v[k]).append(sep).append(t[k])
                        .append(rnd.nextInt(3) == 0 ? "\r\n" : "\n");
            }
            // a small buffer boundary can fall anywhere: the reader uses 64 KiB, so also test a long file below
            InteractionLog log = read(sb.toString()).log();
            assertThat(log.size()).isEqualTo(n);
            for (int k = 0; k < n; k++) {
                assertThat(log.userIndex().longIdAt(log.user(k))).isEqualTo(u[k]);
                assertThat(log.itemIndex().longIdAt(log.item(k))).isEqualTo(i[k]);
                assertThat(log.value(k)).isEqualTo((float) v[k]);
                assertThat(log.timestamp(k)).isEqualTo(t[k]);
            }
        }
    }

    @Test
    void linesAcrossBufferBoundariesAndLongLines() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 40_000;
        for (int k = 0; k < n; k++) {
            out.writeBytes((k % 977 + "\t" + k + "\t" + (k % 5) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String longId = "x".repeat(200_000);
        out.writeBytes(("1\t" + longId + "\t1").getBytes(StandardCharsets.US_ASCII)); // no final newline
        InteractionLog log = InteractionReader.defaults().read(new ByteArrayInputStream(out.toByteArray()), "big").log();
        assertThat(log.size()).isEqualTo(n + 1);
        assertThat(log.itemIndex().idAt(log.item(n))).isEqualTo(longId);
        assertThat(log.itemIndex().idAt(log.item(n - 1))).isEqualTo(Integer.toString(n - 1));
        assertThat(log.value(n - 1)).isEqualTo((float) ((n - 1) % 5));
    }
}
