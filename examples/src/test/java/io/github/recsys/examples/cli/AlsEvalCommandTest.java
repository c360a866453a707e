package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AlsEvalCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seeded file of users with block-structured tastes: user u likes items of group u % 4, string item ids. */
    private Path synthetic(String name, int users, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < users; u++) {
            int group = u % 4;
            for (int j = 0; j < 12; j++) {
                int item = rnd.nextInt(10) < 8 ? group * 10 + rnd.nextInt(10) : rnd.nextInt(40);
                sb.append("u").append(u).append('\t').append("item").append(item).append('\t')
                        .append(1 + rnd.nextInt(5)).append('\n');
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static CliRunner eval(Path input, String... extra) {
        String[] base = {"als-eval", "--input", input.toString(), "--factors", "8", "--iterations", "5",
                "--regularization", "0.1", "--threads", "2"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    @Test
    void printsOneJsonObjectWithAllMetricsAndWritesRecommendations() throws IOException {
        Path input = synthetic("events.tsv", 80, 1);
        Path recs = dir.resolve("recs.tsv");
        CliRunner r = eval(input, "--k", "5", "--recommendations-out", recs.toString(), "--seed", "7");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode j = JSON.readTree(r.out());
        for (String key : List.of("users", "items", "nnz", "fitSeconds", "secondsPerIteration", "precision", "recall",
                "map", "ndcg", "coverage", "factorsSha256", "hitRate", "auc", "diversity", "novelty")) {
            assertThat(j.has(key)).as(key).isTrue();
            assertThat(j.get(key).isNull()).as(key).isFalse();
        }
        assertThat(j.get("users").asInt()).isEqualTo(80);
        assertThat(j.get("factorsSha256").asText()).hasSize(64);
        assertThat(j.get("ndcg").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("auc").asDouble()).isGreaterThan(0.6); // block structure is easy to learn

        // each line: a test user, k distinct external item ids, none of them in the user's train items
        List<String> lines = Files.readAllLines(recs);
        assertThat(lines).hasSize(j.get("evaluatedUsers").asInt());
        Map<String, Set<String>> all = new HashMap<>();
        for (String line : Files.readAllLines(input)) {
            String[] f = line.split("\t");
            all.computeIfAbsent(f[0], x -> new HashSet<>()).add(f[1]);
        }
        for (String line : lines) {
            String[] f = line.split("\t");
            assertThat(all).containsKey(f[0]);
            String[] items = f[1].split(",");
            assertThat(items).hasSize(5).doesNotHaveDuplicates();
            for (String it : items) {
                assertThat(it).startsWith("item");
            }
        }
    }

    @Test
    void sameFactorsForAnyThreadCountAndTrainTestFiles() throws IOException {
        Path input = synthetic("events.tsv", 40, 2);
        JsonNode one = JSON.readTree(CliRunner.run("als-eval", "--input", input.toString(), "--factors", "8",
                "--iterations", "5", "--regularization", "0.1", "--threads", "1").out());
        JsonNode two = JSON.readTree(eval(input).out()); // 2 threads
        assertThat(one.get("ndcg")).isEqualTo(two.get("ndcg"));
        assertThat(two.get("factorsSha256")).isEqualTo(one.get("factorsSha256"));

        Path train = synthetic("train.tsv", 40, 3);
        Path test = file("test.tsv", "u0\titem1\t1\nu1\titem11\t1\nnewuser\titem2\t1\nu2\tnewitem\t1\n");
        CliRunner r = CliRunner.run("als-eval", "--train", train.toString(), "--test", test.toString(),
                "--factors", "8", "--iterations", "3");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("users").asInt()).isEqualTo(41); // the unknown test user joins the id space
        assertThat(j.get("testNnz").asInt()).isEqualTo(4);
        assertThat(j.get("evaluatedUsers").asInt()).isLessThanOrEqualTo(3);
    }

    @Test
    void regularizationExponentAndTheAlsWrFlag() throws IOException {
        Path input = synthetic("events.tsv", 40, 5);
        JsonNode wr = JSON.readTree(eval(input, "--scale-regularization").out());
        JsonNode one = JSON.readTree(eval(input, "--regularization-exponent", "1").out());
        JsonNode half = JSON.readTree(eval(input, "--regularization-exponent", "0.5").out());
        assertThat(wr.get("regularizationExponent").asDouble()).isEqualTo(1.0);
        assertThat(half.get("regularizationExponent").asDouble()).isEqualTo(0.5);
        assertThat(one.get("factorsSha256")).isEqualTo(wr.get("factorsSha256"));
        assertThat(half.get("factorsSha256")).isNotEqualTo(wr.get("factorsSha256"));
        CliRunner both = eval(input, "--scale-regularization", "--regularization-exponent", "0.5");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        assertThat(eval(input, "--regularization-exponent", "3").err())
                .contains("regularizationExponent must be in [0, 2], was 3.0");
    }

    @Test
    void strictModeNamesFileAndLineOfAMalformedLine() throws IOException {
        Path p = file("bad.tsv", "1\t10\t1\n1\t11\t2\n2\t10\tabc\n");
        CliRunner r = eval(p);
        assertThat(r.status()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(p + ":3: field 3 (value): expected a finite number >= 0, was 'abc'");
    }

    @Test
    void emptyFileNaNNegativeCountAndMissingColumnAreClearErrors() throws IOException {
        Path empty = file("empty.tsv", "");
        CliRunner r = eval(empty);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains(empty + ": empty file");

        Path nan = file("nan.tsv", "1\t10\t1\n1\t11\tNaN\n");
        r = eval(nan);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains(nan + ":2: field 3 (value): expected a finite number >= 0, was 'NaN'");

        Path negative = file("neg.tsv", "1\t10\t1\n1\t11\t-3\n");
        r = eval(negative);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains(negative + ":2: field 3 (value): expected a finite number >= 0, was '-3'");

        Path missing = file("missing.tsv", "1\t10\t1\n2\t11\n");
        r = eval(missing);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains(missing + ":2: field 3 (value): missing");

        r = eval(dir.resolve("nope.tsv"));
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("file not found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lenientModeSkipsBadLinesAndUsageErrorsExitWith2() throws IOException {
        Path input = synthetic("events.tsv", 40, 4);
        Path withBad = file("withbad.tsv", Files.readString(input) + "x\ty\tnot-a-number\n");
        CliRunner ok = eval(withBad, "--lenient");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("skipped 1 bad lines");

        CliRunner bad = CliRunner.run("als-eval", "--input", input.toString(), "--solver", "lu");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--solver expects cg or cholesky, was 'lu'");
        assertThat(CliRunner.run("als-eval", "--factors", "8").status()).isEqualTo(2);
        assertThat(CliRunner.run("als-eval", "--input", input.toString(), "--factors", "0").err())
                .contains("factors must be > 0, was 0");
        assertThat(CliRunner.run("als-eval", "--input", input.toString(), "--bogus", "1").err())
                .contains("unknown option --bogus");
    }

    @Test
    void columnsByNameAndOtherSplits() throws IOException {
        StringBuilder sb = new StringBuilder("time,item,user\n");
        SplittableRandom rnd = new SplittableRandom(9);
        for (int t = 0; t < 600; t++) {
            int u = rnd.nextInt(30);
            sb.append(1000 + t).append(",i").append((u % 3) * 10 + rnd.nextInt(10)).append(",u").append(u).append('\n');
        }
        Path p = file("events.csv", sb.toString());
        for (String split : new String[] {"temporal", "latest:2", "random:1"}) {
            CliRunner r = CliRunner.run("als-eval", "--input", p.toString(), "--user-column", "user", "--item-column", "item",
                    "--timestamp-column", "time", "--split", split, "--factors", "4", "--iterations", "3");
            assertThat(r.status()).as(split + ": " + r.err()).isZero();
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.get("users").asInt()).isEqualTo(30);
            assertThat(j.get("evaluatedUsers").asInt()).isPositive();
            if (split.equals("latest:2")) {
                assertThat(j.get("testNnz").asInt()).isEqualTo(60);
            }
        }
        CliRunner bad = CliRunner.run("als-eval", "--input", p.toString(), "--user-column", "who");
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("header has no column 'who'");
    }

    @Test
    void movieLensQualityIsWellAbovePopularity() throws IOException {
        Path data = datasets().resolve("ml-100k/u.data");
        Assumptions.assumeTrue(Files.isRegularFile(data), "shared dataset ml-100k not found; skipping");
        CliRunner als = CliRunner.run("als-eval", "--input", data.toString(), "--confidence", "binary",
                "--regularization", "30", "--alpha", "2", "--no-auc");
        CliRunner pop = CliRunner.run("als-eval", "--input", data.toString(), "--model", "popularity", "--no-auc");
        assertThat(als.status()).as(als.err()).isZero();
        double alsNdcg = JSON.readTree(als.out()).get("ndcg").asDouble();
        double popNdcg = JSON.readTree(pop.out()).get("ndcg").asDouble();
        assertThat(popNdcg).isBetween(0.15, 0.30);
        assertThat(alsNdcg).isGreaterThan(popNdcg * 1.6);
    }

    static Path datasets() {
        String prop = System.getProperty("recsys.datasets");
        for (String c : new String[] {prop, "../shared/datasets", "../../shared/datasets"}) {
            if (c != null && Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        return Path.of("../../shared/datasets");
    }
}
