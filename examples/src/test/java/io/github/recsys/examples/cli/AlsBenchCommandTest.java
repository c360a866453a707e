package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlsBenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void syntheticRunPrintsOneJsonObjectAndWritesTheMatrix() throws IOException {
        Path tsv = dir.resolve("m.tsv");
        CliRunner r = CliRunner.run("als-bench", "--synthetic", "300,120,3000", "--seed", "5", "--factors", "8",
                "--iterations", "3", "--threads", "2", "--write", tsv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("users").asInt()).isEqualTo(300);
        assertThat(j.get("items").asInt()).isEqualTo(120);
        assertThat(j.get("nnz").asInt()).isEqualTo(3000);
        assertThat(j.get("factors").asInt()).isEqualTo(8);
        assertThat(j.get("iterationSeconds")).hasSize(3);
        assertThat(j.get("secondsPerIteration").asDouble()).isPositive();
        assertThat(j.get("gflops").asDouble()).isPositive();
        assertThat(j.get("peakHeapMiB").asDouble()).isPositive();
        assertThat(j.get("simd").asText()).isNotEmpty();
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines).hasSize(3000);
        assertThat(lines.get(0).split("\t")).hasSize(3);

        // the written file reads back through --input with the same number of nonzeros
        CliRunner again = CliRunner.run("als-bench", "--input", tsv.toString(), "--seed", "5", "--factors", "8",
                "--iterations", "3", "--threads", "1");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(JSON.readTree(again.out()).get("nnz").asInt()).isEqualTo(3000);
    }

    @Test
    void sameSeedSameFactorsForOneAndTwoThreads() throws IOException {
        String a = CliRunner.run("als-bench", "--synthetic", "200,100,2000", "--factors", "8", "--iterations", "2",
                "--threads", "1").out();
        String b = CliRunner.run("als-bench", "--synthetic", "200,100,2000", "--factors", "8", "--iterations", "2",
                "--threads", "2").out();
        assertThat(JSON.readTree(a).get("factorsSha256").asText()).isEqualTo(JSON.readTree(b).get("factorsSha256").asText());
    }

    @Test
    void badArgumentsGiveUsageErrorsOnStderr() {
        CliRunner r = CliRunner.run("als-bench", "--synthetic", "10,20");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--synthetic expects USERS,ITEMS,NNZ, was '10,20'");
        CliRunner both = CliRunner.run("als-bench");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --synthetic");
        CliRunner solver = CliRunner.run("als-bench", "--synthetic", "10,20,30", "--solver", "lu");
        assertThat(solver.status()).isEqualTo(2);
        assertThat(solver.err()).contains("--solver expects cg or cholesky, was 'lu'");
        CliRunner missing = CliRunner.run("als-bench", "--input", dir.resolve("absent.tsv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.tsv");
    }
}
