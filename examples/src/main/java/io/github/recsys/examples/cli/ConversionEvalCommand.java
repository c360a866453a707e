package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.BooleanColumn;
import io.github.recsys.conversion.data.CategoricalColumn;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.FittedPipeline;
import io.github.recsys.conversion.data.Imputer;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.Schema;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.conversion.linear.CoefficientRow;
import io.github.recsys.conversion.linear.LogisticModel;
import io.github.recsys.conversion.linear.LogisticRegressionConfig;
import io.github.recsys.conversion.linear.LogisticRegressionTrainer;
import io.github.recsys.conversion.linear.Solver;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.metrics.ConfusionMatrix;
import io.github.recsys.conversion.metrics.Split;
import io.github.recsys.conversion.metrics.StratifiedSplits;
import io.github.recsys.io.csv.TableCsvReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code conversion-eval}: trains a conversion model on a training table and scores it on a test
 * table; prints one JSON object.
 *
 * <pre>
 * conversion-eval (--train FILE --test FILE | --input FILE [--test-fraction 0.2] [--seed 42] | --generate N [--seed 42])
 *                 --target COL [--positive-level LEVEL] [--drop C1,C2] [--categorical C1,C2]
 *                 [--model logistic|tree|random-forest|gbdt] [--threshold 0.5] [--predictions-out FILE]
 *                 logistic: [--l2 1.0] [--l1 0] [--solver auto|newton|lbfgs] [--tolerance 1e-7]
 *                           [--max-iterations 200] [--positive-weight 1] [--threads N] [--coefficients]
 *                 trees:    options of TreeModelFactory, [--importance]
 * </pre>
 *
 * <p>Preprocessing is fitted on the training rows only: columns with missing values are imputed
 * (numeric: median, categorical: most frequent); for {@code logistic} numeric columns are
 * standardized and categorical columns one-hot encoded with every level kept (unseen test levels:
 * all zeros), booleans are 0/1; tree models get native category codes. {@code --input} splits one
 * file with a seeded stratified split; {@code --generate} uses the synthetic session generator
 * (duplicates and sessions with Time_Spent &lt;= 0 removed, ids dropped, target {@code Converted}).
 *
 * <p>Output: {@code {model, trainRows, testRows, features, threshold, auc, logLoss, accuracy,
 * precision, recall, f1, averagePrecision, brier, trainSeconds, trainRowsPerSecond, trainCpuSeconds, ...}};
 * {@code trainSeconds} is the wall-clock time of the model fit alone (preprocessing excluded) and
 * {@code trainCpuSeconds} the process CPU time over the same span; metrics
 * use the probability of the positive class and {@code score >= threshold} as a positive prediction.
 * The predictions file gets one probability per test row, in input order.
 */
public final class ConversionEvalCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String trainFile = args.get("train", null);
        String testFile = args.get("test", null);
        String inputFile = args.get("input", null);
        long generate = args.getLong("generate", 0);
        double testFraction = args.getDouble("test-fraction", 0.2);
        long seed = args.getLong("seed", 42);
        String target = args.get("target", generate > 0 ? "Converted" : null);
        String positiveLevel = args.get("positive-level", null);
        List<String> drop = list(args.get("drop", ""));
        List<String> categorical = list(args.get("categorical", ""));
        String model = args.get("model", "logistic");
        double threshold = args.getDouble("threshold", 0.5);
        String predictionsOut = args.get("predictions-out", null);
        boolean importance = args.flag("importance");
        boolean coefficients = args.flag("coefficients");

        int sources = (trainFile != null || testFile != null ? 1 : 0) + (inputFile != null ? 1 : 0) + (generate > 0 ? 1 : 0);
        if (sources != 1) {
            throw new UsageException("give exactly one of --train/--test, --input or --generate");
        }
        if ((trainFile == null) != (testFile == null)) {
            throw new UsageException("--train and --test go together");
        }
        if (target == null) {
            throw new UsageException("missing required option --target");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UsageException("--test-fraction must be in (0, 1), was " + testFraction);
        }
        if (generate > Integer.MAX_VALUE) {
            throw new UsageException("--generate must be at most " + Integer.MAX_VALUE + ", was " + generate);
        }
        boolean logistic = model.equals("logistic");
        if (!logistic && !TreeModelFactory.handles(model)) {
            throw new UsageException("--model must be logistic, tree, random-forest or gbdt, was '" + model + "'");
        }
        LogisticRegressionConfig lrConfig = logistic ? logisticConfig(args) : null;
        if (logistic) {
            args.finish(); // tree options are read by TreeModelFactory, which is called later
        }

        // ---- load and split (raw tables; nothing is fitted yet)
        Schema schema = categorical.isEmpty() ? Schema.infer()
                : Schema.builder().categorical(categorical.toArray(new String[0])).build();
        Table train;
        Table test;
        String trainSource;
        String testSource;
        if (trainFile != null) {
            train = read(trainFile, schema);
            test = read(testFile, schema);
            checkTarget(train, target, trainFile);
            checkTarget(test, target, testFile);
            rawLabels(train, target, positiveLevel, trainFile); // single class, bad or missing values: name the file
            trainSource = trainFile;
            testSource = testFile;
        } else {
            Table all;
            String source;
            if (inputFile != null) {
                all = read(inputFile, schema);
                source = inputFile;
            } else {
                err.printf(Locale.ROOT, "generating %,d sessions (seed %d)%n", generate, seed);
                all = generatedSessions((int) generate, seed);
                source = "generated sessions";
            }
            checkTarget(all, target, source);
            double[] y = rawLabels(all, target, positiveLevel, source);
            Split split = StratifiedSplits.split(y, testFraction, seed);
            train = all.selectRows(split.train());
            test = all.selectRows(split.test());
            trainSource = source + " (training part)";
            testSource = source + " (test part)";
        }
        for (String d : drop) {
            if (!train.has(d)) {
                throw new IllegalArgumentException("--drop: unknown column '" + d + "'; columns are " + train.columnNames());
            }
            if (d.equals(target)) {
                throw new UsageException("--drop must not name the target column '" + target + "'");
            }
        }

        // ---- preprocessing fitted on train only
        Pipeline.Builder pb = Pipeline.builder();
        if (!drop.isEmpty()) {
            pb.drop(drop.toArray(new String[0]));
        }
        for (Column c : train.columns()) {
            if (c.name().equals(target) || drop.contains(c.name())) {
                continue;
            }
            if (c.missingCount() > 0 || test.has(c.name()) && test.column(c.name()).missingCount() > 0) {
                pb.impute(c.name(), c instanceof NumericColumn ? Imputer.Strategy.MEDIAN : Imputer.Strategy.MOST_FREQUENT);
            }
        }
        if (logistic) {
            pb.standardizeNumerics().oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false);
        }
        if (positiveLevel != null) {
            pb.target(target, positiveLevel);
        } else {
            pb.target(target);
        }
        FittedPipeline prep;
        FeatureMatrix xTrain;
        FeatureMatrix xTest;
        try {
            prep = pb.build().fit(train);
            xTrain = prep.transform(train);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(trainSource + ": " + e.getMessage(), e);
        }
        try {
            xTest = prep.transform(test);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(testSource + ": " + e.getMessage(), e);
        }
        err.printf(Locale.ROOT, "train %,d rows, test %,d rows, %d features%n", xTrain.rows(), xTest.rows(), xTrain.cols());

        // ---- train
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        BinaryClassifier classifier;
        LogisticModel lr = null;
        if (logistic) {
            lr = new LogisticRegressionTrainer(lrConfig).fit(xTrain);
            classifier = lr;
        } else {
            classifier = TreeModelFactory.fit(model, args, xTrain, null, importance, err);
            args.finish();
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double trainCpuSeconds = cpu0 < 0 ? Double.NaN : (processCpuNanos() - cpu0) / 1e9;

        // ---- evaluate
        double[] p = classifier.predictProbabilities(xTest);
        double[] yTest = xTest.labels();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("trainRows", xTrain.rows());
        json.put("testRows", xTest.rows());
        json.put("features", xTrain.cols());
        json.put("threshold", threshold);
        boolean bothClasses = hasBothClasses(yTest);
        json.put("auc", bothClasses ? ClassificationMetrics.rocAuc(yTest, p) : null);
        json.put("logLoss", ClassificationMetrics.logLoss(yTest, p));
        ConfusionMatrix cm = ClassificationMetrics.confusion(yTest, p, threshold);
        json.put("accuracy", cm.accuracy());
        json.put("precision", cm.precision());
        json.put("recall", cm.recall());
        json.put("f1", cm.f1());
        json.put("averagePrecision", bothClasses ? ClassificationMetrics.averagePrecision(yTest, p) : null);
        json.put("brier", ClassificationMetrics.brier(yTest, p));
        json.put("trainSeconds", trainSeconds);
        json.put("trainRowsPerSecond", xTrain.rows() / trainSeconds);
        json.put("trainCpuSeconds", finiteOrNull(trainCpuSeconds));
        if (lr != null) {
            json.put("solver", lr.report().solver().name().toLowerCase(Locale.ROOT));
            json.put("iterations", lr.report().iterations());
            json.put("converged", lr.report().converged());
            json.put("gradientNorm", lr.report().gradientNorm());
            json.put("l2", lrConfig.l2());
            if (coefficients) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CoefficientRow r : lr.coefficientTable()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", r.name());
                    m.put("estimate", r.estimate());
                    m.put("stdError", finiteOrNull(r.stdError()));
                    m.put("z", finiteOrNull(r.z()));
                    m.put("pValue", finiteOrNull(r.pValue()));
                    m.put("oddsRatio", finiteOrNull(r.oddsRatio()));
                    rows.add(m);
                }
                json.put("coefficients", rows);
            }
        }
        if (predictionsOut != null) {
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(predictionsOut), StandardCharsets.UTF_8)) {
                for (double v : p) {
                    w.write(Double.toString(v));
                    w.newLine();
                }
            }
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(json));
        return 0;
    }

    /**
     * CPU time of the whole process (all threads, JIT and GC included) in nanoseconds, or -1 when the
     * JVM does not report it: on a shared machine CPU seconds are steadier than wall-clock seconds.
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static boolean hasBothClasses(double[] y) {
        boolean zero = false;
        boolean one = false;
        for (double v : y) {
            zero |= v == 0;
            one |= v == 1;
        }
        return zero && one;
    }

    private static LogisticRegressionConfig logisticConfig(Args args) {
        LogisticRegressionConfig.Builder b = LogisticRegressionConfig.builder()
                .l2(args.getDouble("l2", 1.0))
                .l1(args.getDouble("l1", 0.0))
                .tolerance(args.getDouble("tolerance", 1e-7))
                .maxIterations(args.getInt("max-iterations", 200))
                .positiveWeight(args.getDouble("positive-weight", 1.0));
        String solver = args.get("solver", "auto");
        switch (solver) {
            case "auto" -> b.solver(Solver.AUTO);
            case "newton" -> b.solver(Solver.NEWTON);
            case "lbfgs" -> b.solver(Solver.LBFGS);
            default -> throw new UsageException("--solver must be auto, newton or lbfgs, was '" + solver + "'");
        }
        if (args.has("threads")) {
            b.threads(args.getInt("threads", 1));
        }
        b.standardErrors(args.flag("coefficients"));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static Table read(String file, Schema schema) throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("cannot read '" + file + "': no such file");
        }
        return TableCsvReader.builder().schema(schema).build().read(path);
    }

    private static void checkTarget(Table t, String target, String source) {
        if (!t.has(target)) {
            throw new IllegalArgumentException(source + ": unknown target column '" + target + "'; columns are "
                    + t.columnNames());
        }
    }

    /** The target as 0/1 before any preprocessing (for the stratified split). */
    static double[] rawLabels(Table t, String target, String positiveLevel, String source) {
        Column c = t.column(target);
        double[] y = new double[t.rows()];
        long ones = 0;
        for (int i = 0; i < y.length; i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException(source + ": target '" + target + "' is missing in data row " + (i + 1));
            }
            if (positiveLevel != null) {
                y[i] = positiveLevel.equals(c.text(i)) ? 1 : 0;
            } else if (c instanceof BooleanColumn b) {
                y[i] = b.isTrue(i) ? 1 : 0;
            } else if (c instanceof NumericColumn n) {
                double v = n.get(i);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(source + ": target '" + target + "' must be 0/1 or boolean, data row "
                            + (i + 1) + " has " + v);
                }
                y[i] = v;
            } else {
                throw new IllegalArgumentException(source + ": target '" + target + "' is categorical with levels "
                        + ((CategoricalColumn) c).levels() + "; name the positive level with --positive-level");
            }
            ones += (long) y[i];
        }
        if (ones == 0 || ones == y.length) {
            throw new IllegalArgumentException(source + ": target '" + target + "' has a single class (all "
                    + (ones == 0 ? 0 : 1) + ") in " + y.length + " rows; need both classes");
        }
        return y;
    }

    /** Generated sessions with duplicates and Time_Spent <= 0 removed and the id columns dropped. */
    private static Table generatedSessions(int rows, long seed) {
        Table raw = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(seed).build());
        FittedPipeline cleaning = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time_Spent", 0))
                .drop("User_ID", "Session_ID")
                .build().fit(raw);
        return cleaning.clean(raw);
    }
}
