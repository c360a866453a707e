package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServingCommandsTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Users "u0".."u29" with 2 + u % 10 items each among "f0".."f24"; user u7 has exactly 9. */
    static Path events(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("user,item,count\n");
        for (int u = 0; u < 30; u++) {
            for (int j = 0; j < 2 + u % 10; j++) {
                sb.append("u").append(u).append(",f").append((u * 3 + j * 7) % 25).append(',').append(1 + j % 3).append('\n');
            }
        }
        Path p = dir.resolve("events.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void recommendPrintsOneLinePerUserWithFallbackForColdAndThinUsers() throws IOException {
        Path train = events(dir);
        Set<String> seenByU1 = new HashSet<>();
        for (String line : Files.readAllLines(train)) {
            if (line.startsWith("u1,")) {
                seenByU1.add(line.split(",")[1]);
            }
        }
        CliRunner r = CliRunner.run("recommend", "--train", train.toString(), "--users", "u9,u1,nobody,u7",
                "--n", "5", "--fallback-min-interactions", "5", "--factors", "4", "--iterations", "3", "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            assertThat(j.get("recommended_features").size()).as(line).isEqualTo(5);
            sources.add(j.get("source").asText());
        }
        assertThat(JSON.readTree(lines.get(0)).get("user_id").asText()).isEqualTo("u9");
        assertThat(sources).containsExactly("als", "popularity", "popularity", "als");
        // the thin known user u1 never gets an item it has seen
        for (JsonNode item : JSON.readTree(lines.get(1)).get("recommended_features")) {
            assertThat(seenByU1).doesNotContain(item.asText());
        }
    }

    @Test
    void recommendRejectsBadOptions() throws IOException {
        Path train = events(dir);
        CliRunner r = CliRunner.run("recommend", "--train", train.toString(), "--users", "u1", "--blend", "2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--blend must be in [0, 1], was 2.0");
        CliRunner missing = CliRunner.run("recommend", "--users", "u1");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("missing required option --train");
    }

    @Test
    void serveBenchPrintsLatencyFields() throws IOException {
        CliRunner r = CliRunner.run("serve-bench", "--items", "3000", "--users", "500", "--factors", "16",
                "--requests", "200", "--warmup", "50", "--fold-in-items", "10", "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        for (String field : new String[] {"p50Micros", "p99Micros", "foldInP50Micros", "foldInP99Micros",
                "recommendAllUsersPerSecond"}) {
            assertThat(j.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(j.get("p99Micros").asDouble()).isGreaterThanOrEqualTo(j.get("p50Micros").asDouble());
    }
}
