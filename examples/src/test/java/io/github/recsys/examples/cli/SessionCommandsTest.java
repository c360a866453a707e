package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.examples.Main;
import io.github.recsys.io.csv.TableCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCommandsTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generateSessionsWritesTheOriginalSchemaAndReadsBackEqual() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Result r = run("generate-sessions", "--rows", "5000", "--seed", "3", "--out", file.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("rows/s");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rows").asInt()).isEqualTo(5000);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(String.join(",", SessionGenerator.COLUMNS));
        Table back = TableCsvReader.builder().build().read(file);
        Table direct = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(5000).seed(3).threads(1).build());
        assertThat(back).isEqualTo(direct);
    }

    @Test
    void segmentsPrintsTableOrJson() throws Exception {
        Path file = dir.resolve("s.csv");
        assertThat(run("generate-sessions", "--rows", "4000", "--out", file.toString()).status()).isZero();
        Result text = run("segments", "--input", file.toString(), "--target", "Converted", "--by", "Recommendation_Engine,Device_Type");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("Recommendation_Engine", "Device_Type", "Mobile", "(all)", "95% CI");
        Result json = run("segments", "--input", file.toString(), "--target", "Converted", "--by", "Age", "--bins", "Age=30,50", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get("segments").get(0).get("key").get("Age").asText()).isEqualTo("[-inf, 30)");
        long sessions = 0;
        for (JsonNode s : node.get("segments")) {
            sessions += s.get("sessions").asLong();
        }
        assertThat(sessions).isEqualTo(node.get("overall").get("sessions").asLong()).isEqualTo(4000);
    }

    @Test
    void badInputGivesClearErrors() throws Exception {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "a,Converted\nx,1\ny\n");
        Result ragged = run("segments", "--input", file.toString(), "--target", "Converted", "--by", "a");
        assertThat(ragged.status()).isEqualTo(1);
        assertThat(ragged.err()).contains("s.csv:3: expected 2 fields as in the header, found 1");
        Files.writeString(file, "a,Converted\nx,1\ny,0\n");
        Result unknown = run("segments", "--input", file.toString(), "--target", "Revenue", "--by", "a");
        assertThat(unknown.err()).contains("unknown target column 'Revenue'; columns are [a, Converted]");
        Result usage = run("generate-sessions", "--out", dir.resolve("x.csv").toString());
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--rows");
    }
}
