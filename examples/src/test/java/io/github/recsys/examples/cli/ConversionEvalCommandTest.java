package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.conversion.abtest.AbTest;
import io.github.recsys.conversion.abtest.AbTestResult;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.FittedPipeline;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.conversion.linear.LogisticModel;
import io.github.recsys.conversion.linear.LogisticRegressionConfig;
import io.github.recsys.conversion.linear.LogisticRegressionTrainer;
import io.github.recsys.conversion.linear.Solver;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.examples.Main;
import io.github.recsys.io.csv.TableCsvReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConversionEvalCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path shoppers() {
        String root = System.getProperty("recsys.datasets", "../shared/datasets");
        Path p = Path.of(root, "online-shoppers", "online_shoppers_intention.csv");
        Assumptions.assumeTrue(Files.isRegularFile(p), "online shoppers data set not found at " + p + "; skipping");
        return p;
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** A small separable-ish table: conversion rises with x, varies by device. */
    private String smallTable(int rows, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        StringBuilder b = new StringBuilder("x,device,flag,y\n");
        String[] dev = {"Desktop", "Mobile", "Tablet"};
        for (int i = 0; i < rows; i++) {
            double x = r.nextGaussian();
            int d = r.nextInt(3);
            boolean flag = r.nextBoolean();
            double eta = -1 + 1.5 * x + (d == 1 ? -0.7 : 0.3) + (flag ? 0.4 : 0);
            int y = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            b.append(String.format(java.util.Locale.ROOT, "%.4f,%s,%s,%d%n", x, dev[d], flag ? "TRUE" : "FALSE", y));
        }
        return b.toString();
    }

    @Test
    void trainTestFilesGiveMetricsAndPredictionsInOrder() throws Exception {
        Path train = write("train.csv", smallTable(3000, 1));
        Path test = write("test.csv", smallTable(1000, 2));
        Path preds = dir.resolve("p.txt");
        Result r = run("conversion-eval", "--train", train.toString(), "--test", test.toString(), "--target", "y",
                "--model", "logistic", "--predictions-out", preds.toString(), "--coefficients");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String field : new String[] {"auc", "logLoss", "accuracy", "precision", "recall", "f1", "trainSeconds",
            "trainRows", "testRows", "features", "threshold"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("testRows").asInt()).isEqualTo(1000);
        assertThat(json.get("features").asInt()).isEqualTo(5); // x, 3 device levels, flag
        assertThat(json.get("auc").asDouble()).isGreaterThan(0.7);
        List<String> lines = Files.readAllLines(preds);
        assertThat(lines).hasSize(1000);
        double[] p = lines.stream().mapToDouble(Double::parseDouble).toArray();
        Table testTable = TableCsvReader.builder().build().read(test);
        double[] y = testTable.numeric("y").toArray();
        // metrics in the JSON are those of the predictions file, row for row
        assertThat(ClassificationMetrics.rocAuc(y, p)).isCloseTo(json.get("auc").asDouble(), within(1e-12));
        assertThat(ClassificationMetrics.logLoss(y, p)).isCloseTo(json.get("logLoss").asDouble(), within(1e-12));
        assertThat(json.get("coefficients")).hasSize(6);
        assertThat(json.get("coefficients").get(0).get("name").asText()).isEqualTo("x");
        assertThat(json.get("coefficients").get(0).get("estimate").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void onlineShoppersAucAndSolverAgreement() throws Exception {
        Path data = shoppers();
        Result r = run("conversion-eval", "--input", data.toString(), "--target", "Revenue", "--test-fraction", "0.2",
                "--seed", "42");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("testRows").asInt()).isEqualTo(2466);
        // scikit-learn's LogisticRegression scores about 0.885 on such splits; split-to-split spread is about +-0.01
        assertThat(json.get("auc").asDouble()).isBetween(0.87, 0.91);
        assertThat(json.get("converged").asBoolean()).isTrue();

        // Newton and L-BFGS reach the same optimum on the full preprocessed table
        Table t = TableCsvReader.builder().build().read(data);
        FittedPipeline prep = Pipeline.builder().standardizeNumerics()
                .oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false).target("Revenue").build().fit(t);
        FeatureMatrix x = prep.transform(t);
        LogisticRegressionConfig.Builder b = LogisticRegressionConfig.builder().tolerance(1e-11).maxIterations(2000);
        LogisticModel newton = new LogisticRegressionTrainer(b.solver(Solver.NEWTON).build()).fit(x);
        LogisticModel lbfgs = new LogisticRegressionTrainer(b.solver(Solver.LBFGS).build()).fit(x);
        assertThat(newton.report().converged()).isTrue();
        assertThat(lbfgs.report().converged()).isTrue();
        assertThat(lbfgs.coefficients()).containsExactly(newton.coefficients(), within(1e-6));
        assertThat(lbfgs.intercept()).isCloseTo(newton.intercept(), within(1e-6));
    }

    @Test
    void badInputFailsWithClearMessages() throws Exception {
        Path ok = write("ok.csv", "a,b,y\n1,x,1\n2,y,0\n3,x,1\n4,y,0\n");
        Path oneClass = write("one.csv", "a,b,y\n1,x,1\n2,y,1\n");
        Path empty = write("empty.csv", "");
        Path ragged = write("ragged.csv", "a,b,y\n1,x,1\n2,y\n3,x,0\n");
        Path wrongType = write("wrong.csv", "a,b,y\nfoo,x,1\nbar,y,0\n");
        String[][] cases = {
            {ok.toString(), ok.toString(), "zz", "unknown target column 'zz'"},
            {oneClass.toString(), ok.toString(), "y", "single class"},
            {empty.toString(), ok.toString(), "y", "empty file"},
            {ragged.toString(), ok.toString(), "y", "ragged.csv:3"},
            {ok.toString(), wrongType.toString(), "y", "wrong.csv: column 'a' is categorical, expected numeric"},
        };
        for (String[] c : cases) {
            Result r = run("conversion-eval", "--train", c[0], "--test", c[1], "--target", c[2]);
            assertThat(r.status()).as(c[3]).isEqualTo(1);
            assertThat(r.err()).contains(c[3]);
            assertThat(r.out()).isEmpty();
        }
        Result single = run("conversion-eval", "--input", oneClass.toString(), "--target", "y");
        assertThat(single.status()).isEqualTo(1);
        assertThat(single.err()).contains("one.csv", "single class");
        Result usage = run("conversion-eval", "--train", ok.toString(), "--test", ok.toString(), "--target", "y",
                "--model", "svm");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--model must be");
        Result badL2 = run("conversion-eval", "--input", ok.toString(), "--target", "y", "--l2", "-1");
        assertThat(badL2.status()).isEqualTo(2);
        assertThat(badL2.err()).contains("l2 must be finite and >= 0, was -1.0");
        Result unknownOpt = run("conversion-eval", "--input", ok.toString(), "--target", "y", "--bogus", "1");
        assertThat(unknownOpt.status()).isEqualTo(2);
        assertThat(unknownOpt.err()).contains("unknown option --bogus");
    }

    @Test
    void abtestTextJsonAndStrata() throws Exception {
        StringBuilder b = new StringBuilder("engine,device,converted\n");
        int[][] cells = {{0, 0, 100, 1000}, {0, 1, 90, 3000}, {1, 0, 300, 3000}, {1, 1, 30, 1000}}; // engine, device, conv, n
        for (int[] c : cells) {
            for (int i = 0; i < c[3]; i++) {
                b.append(c[0] == 0 ? "Old" : "New").append(',').append(c[1] == 0 ? "Desktop" : "Mobile").append(',')
                        .append(i < c[2] ? 1 : 0).append('\n');
            }
        }
        Path f = write("ab.csv", b.toString());
        Result json = run("abtest", "--input", f.toString(), "--variant", "engine", "--control", "Old", "--treatment", "New",
                "--target", "converted", "--by", "device", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.out());
        AbTestResult expected = AbTest.compare(190, 4000, 330, 4000);
        assertThat(n.get("control").get("sessions").asLong()).isEqualTo(4000);
        assertThat(n.get("treatment").get("conversions").asLong()).isEqualTo(330);
        assertThat(n.get("zTest").get("pValue").asDouble()).isCloseTo(expected.zPValue(), within(1e-15));
        assertThat(n.get("strata")).hasSize(2);
        assertThat(n.get("strata").get(0).get("stratum").asText()).isEqualTo("Desktop");
        // same rate in each device: the stratified test finds nothing
        assertThat(n.get("cmh").get("pValue").asDouble()).isCloseTo(1.0, within(1e-9));
        Result text = run("abtest", "--input", f.toString(), "--variant", "engine", "--control", "Old", "--treatment", "New",
                "--target", "converted");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("absolute lift", "relative lift", "z-test", "sample ratio");
        Result missingArm = run("abtest", "--input", f.toString(), "--variant", "engine", "--control", "Old",
                "--treatment", "Newer", "--target", "converted");
        assertThat(missingArm.status()).isEqualTo(1);
        assertThat(missingArm.err()).contains("no rows with value 'Newer'", "Old", "New");
        Result unknown = run("abtest", "--input", f.toString(), "--variant", "engine", "--control", "Old",
                "--treatment", "New", "--target", "bought");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown column 'bought'");
    }
}
