package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TuneCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path synthetic() throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 60; u++) {
            for (int j = 0; j < 15; j++) {
                int item = rnd.nextInt(10) < 8 ? (u % 3) * 10 + rnd.nextInt(10) : rnd.nextInt(30);
                sb.append(u).append(',').append(item).append(',').append(1).append('\n');
            }
        }
        Path p = dir.resolve("events.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void gridPrintsOneLinePerTrialThenTheBestWithItsTestScore() throws IOException {
        Path input = synthetic();
        CliRunner r = CliRunner.run("tune", "--input", input.toString(), "--grid",
                "factors=4,8;regularization=0.1,10", "--iterations", "4", "--metric", "ndcg", "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(5);
        double bestVal = -1;
        int bestTrial = -1;
        for (int t = 0; t < 4; t++) {
            JsonNode j = JSON.readTree(lines.get(t));
            assertThat(j.get("trial").asInt()).isEqualTo(t);
            double v = j.get("validation").get("ndcg").asDouble();
            if (v > bestVal) {
                bestVal = v;
                bestTrial = t;
            }
        }
        JsonNode summary = JSON.readTree(lines.get(4));
        assertThat(summary.get("bestTrial").asInt()).isEqualTo(bestTrial);
        assertThat(summary.get("validation").get("ndcg").asDouble()).isEqualTo(bestVal);
        assertThat(summary.get("test").get("ndcg").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("baselineTest").has("ndcg")).isTrue();
        assertThat(summary.get("ranking")).hasSize(4);
        assertThat(r.err()).contains("val ndcg");
    }

    @Test
    void randomSearchDrawsDistinctSeededTrials() throws IOException {
        Path input = synthetic();
        String[] args = {"tune", "--input", input.toString(), "--grid", "factors=4;alpha=1,2,4,8;regularization=0.1,1",
                "--trials", "3", "--seed", "11", "--iterations", "2", "--metric", "recall"};
        CliRunner a = CliRunner.run(args);
        CliRunner b = CliRunner.run(args);
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out().strip().lines()).hasSize(4);
        List<String> la = a.out().strip().lines().toList();
        List<String> lb = b.out().strip().lines().toList();
        // fit times differ between runs; settings and scores must not
        for (int t = 0; t < 3; t++) {
            JsonNode x = JSON.readTree(la.get(t));
            JsonNode y = JSON.readTree(lb.get(t));
            assertThat(x.get("alpha")).isEqualTo(y.get("alpha"));
            assertThat(x.get("regularization")).isEqualTo(y.get("regularization"));
            assertThat(x.get("validation")).isEqualTo(y.get("validation"));
        }
    }

    @Test
    void badGridAndMetricAreUsageErrors() throws IOException {
        Path input = synthetic();
        CliRunner r = CliRunner.run("tune", "--input", input.toString(), "--grid", "rank=4");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown grid key 'rank'");
        r = CliRunner.run("tune", "--input", input.toString(), "--grid", "factors=4", "--metric", "f1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown metric 'f1'");
        r = CliRunner.run("tune", "--grid", "factors=4");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--input");
    }
}
