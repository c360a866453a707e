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
    void trainWritesAModelThatRecommendAnswersFromLikeATrainedOne() throws IOException {
        Path train = events(dir);
        Path model = dir.resolve("model.als");
        String[] als = {"--factors", "4", "--iterations", "3", "--regularization-exponent", "0.5", "--regularization", "0.3"};
        CliRunner t = CliRunner.run(concat(new String[] {"train", "--input", train.toString(), "--output", model.toString(),
                "--threads", "2"}, als));
        assertThat(t.status()).as(t.err()).isZero();
        JsonNode tj = JSON.readTree(t.out());
        assertThat(tj.get("users").asInt()).isEqualTo(30);
        assertThat(tj.get("bytes").asLong()).isEqualTo(Files.size(model));
        String users = "u9,u1,nobody,u7,u20";
        CliRunner trained = CliRunner.run(concat(new String[] {"recommend", "--train", train.toString(), "--users", users,
                "--threads", "1"}, als));
        CliRunner loaded = CliRunner.run("recommend", "--train", train.toString(), "--users", users, "--model", model.toString());
        assertThat(loaded.status()).as(loaded.err()).isZero();
        assertThat(loaded.err()).contains("read ALS model " + model);
        assertThat(loaded.out()).isEqualTo(trained.out()); // same factors whatever the thread count

        CliRunner both = CliRunner.run("recommend", "--train", train.toString(), "--users", "u1", "--model", model.toString(),
                "--factors", "8");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--factors does not apply with --model");

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "user,item,count\nu1,f1,1\nu2,f2,1\n");
        CliRunner mismatch = CliRunner.run("recommend", "--train", other.toString(), "--users", "u1", "--model", model.toString());
        assertThat(mismatch.status()).isEqualTo(1);
        assertThat(mismatch.err()).contains("model " + model + " was not trained on " + other)
                .contains("the model has 30 users and 25 items, the file 2 and 2");

        Path corrupt = dir.resolve("corrupt.als");
        byte[] b = Files.readAllBytes(model);
        b[b.length - 20] ^= 1;
        Files.write(corrupt, b);
        CliRunner bad = CliRunner.run("recommend", "--train", train.toString(), "--users", "u1", "--model", corrupt.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains(corrupt + ": checksum mismatch");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
