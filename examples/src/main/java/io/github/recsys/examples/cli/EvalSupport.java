package io.github.recsys.examples.cli;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsSolver;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.data.Confidence;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.AlsSetting;
import io.github.recsys.eval.EvaluationResult;
import io.github.recsys.eval.Metric;
import io.github.recsys.eval.Split;
import io.github.recsys.eval.Splits;
import io.github.recsys.io.csv.Delimiter;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.io.csv.ReadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Shared pieces of {@code als-eval} and {@code tune}: reading, splitting, ALS settings, metric JSON. */
final class EvalSupport {

    private EvalSupport() {
    }

    /** Data options common to both commands, read from {@code args}. */
    static final class DataOptions {
        final String input;
        final String train;
        final String test;
        final double testFraction;
        final long seed;
        final InteractionReader reader;
        final String splitMode;

        DataOptions(Args args, boolean allowTrainTest) {
            input = args.get("input", null);
            train = allowTrainTest ? args.get("train", null) : null;
            test = allowTrainTest ? args.get("test", null) : null;
            testFraction = args.getDouble("test-fraction", 0.2);
            seed = args.getLong("seed", 42);
            String format = args.get("format", "auto");
            boolean lenient = args.flag("lenient");
            splitMode = args.get("split", "per-user").toLowerCase(Locale.ROOT);
            Delimiter d;
            try {
                d = Delimiter.parse(format);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format: " + e.getMessage());
            }
            InteractionReader.Builder rb = InteractionReader.builder().delimiter(d).strict(!lenient);
            try {
                column(args, "user-column", rb::userColumn, rb::userColumn);
                column(args, "item-column", rb::itemColumn, rb::itemColumn);
                column(args, "value-column", rb::valueColumn, rb::valueColumn);
                column(args, "timestamp-column", rb::timestampColumn, rb::timestampColumn);
                if (args.has("header")) {
                    rb.header(args.flag("header"));
                }
                reader = rb.build();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!splitMode.equals("per-user") && !splitMode.equals("temporal") && !splitMode.startsWith("latest:")
                    && !splitMode.startsWith("random:")) {
                throw new UsageException("--split expects per-user, temporal, latest:K or random:K, was '" + splitMode + "'");
            }
            if (input != null && (train != null || test != null)) {
                throw new UsageException("give either --input FILE (split here) or --train FILE --test FILE, not both");
            }
            if (input == null && (train == null || test == null)) {
                throw new UsageException(allowTrainTest
                        ? "missing input: give --input FILE [--test-fraction 0.2 --seed 42] or --train FILE --test FILE"
                        : "missing required option --input FILE");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new UsageException("--test-fraction must be in (0, 1), was " + testFraction);
            }
        }

        /** Reads the file(s) and returns train and test logs sharing id indexes. */
        Split load(PrintStream err) throws IOException {
            if (input != null) {
                InteractionLog log = read(reader, input, err);
                Split s;
                try {
                    if (splitMode.equals("per-user")) {
                        s = Splits.perUserHoldout(log, testFraction, seed);
                    } else if (splitMode.equals("temporal")) {
                        s = Splits.temporalFraction(log, testFraction);
                    } else {
                        int k;
                        try {
                            k = Integer.parseInt(splitMode.substring(splitMode.indexOf(':') + 1));
                        } catch (NumberFormatException e) {
                            throw new UsageException("--split " + splitMode + ": K must be an integer");
                        }
                        s = Splits.leaveKOut(log, k, splitMode.startsWith("latest")
                                ? Splits.LeaveOut.LATEST : Splits.LeaveOut.RANDOM, seed);
                    }
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--split " + splitMode + ": " + e.getMessage());
                }
                err.printf(Locale.ROOT, "split %s (%s): %d train, %d test entries (test fraction %s, seed %d)%n",
                        input, splitMode, s.train().size(), s.test().size(), testFraction, seed);
                return s;
            }
            return union(read(reader, train, err), read(reader, test, err));
        }
    }

    /** Applies {@code --NAME N} (0-based position) or {@code --NAME header-name} when given. */
    private static void column(Args args, String name, java.util.function.IntConsumer byIndex,
                               java.util.function.Consumer<String> byName) {
        String v = args.get(name, null);
        if (v == null) {
            return;
        }
        try {
            byIndex.accept(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            byName.accept(v);
        }
    }

    static InteractionLog read(InteractionReader reader, String file, PrintStream err) throws IOException {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new IOException("file not found: " + file);
        }
        long t0 = System.nanoTime();
        ReadResult r = reader.read(p);
        err.printf(Locale.ROOT, "read %s: %d interactions, %d users, %d items (%s, header %s) in %.2f s%n", file,
                r.log().size(), r.log().userCount(), r.log().itemCount(), r.delimiter().name().toLowerCase(Locale.ROOT),
                r.header(), (System.nanoTime() - t0) / 1e9);
        if (r.skippedLines() > 0) {
            err.printf(Locale.ROOT, "lenient: skipped %d bad lines, first: %s%n", r.skippedLines(), r.problems());
        }
        return r.log();
    }

    /** Re-indexes a train and a test log over the union of their ids (train's ids first). */
    static Split union(InteractionLog a, InteractionLog b) {
        boolean numeric = a.userIndex().isNumeric() && b.userIndex().isNumeric();
        boolean numericItems = a.itemIndex().isNumeric() && b.itemIndex().isNumeric();
        IdIndex.Builder users = numeric ? IdIndex.longBuilder() : IdIndex.stringBuilder();
        IdIndex.Builder items = numericItems ? IdIndex.longBuilder() : IdIndex.stringBuilder();
        int[][] userMaps = {map(a.userIndex(), users, numeric), map(b.userIndex(), users, numeric)};
        int[][] itemMaps = {map(a.itemIndex(), items, numericItems), map(b.itemIndex(), items, numericItems)};
        IdIndex u = users.build();
        IdIndex i = items.build();
        InteractionLog[] out = new InteractionLog[2];
        InteractionLog[] in = {a, b};
        for (int s = 0; s < 2; s++) {
            InteractionLog log = in[s];
            int[] uu = log.users();
            int[] ii = log.items();
            for (int t = 0; t < uu.length; t++) {
                uu[t] = userMaps[s][uu[t]];
                ii[t] = itemMaps[s][ii[t]];
            }
            out[s] = InteractionLog.of(uu, ii, log.values(), log.timestamps(), uu.length, u, i);
        }
        return new Split(out[0], out[1]);
    }

    private static int[] map(IdIndex index, IdIndex.Builder target, boolean numeric) {
        int[] m = new int[index.size()];
        for (int j = 0; j < m.length; j++) {
            m[j] = numeric ? target.add(index.longIdAt(j)) : target.add(index.idAt(j));
        }
        return m;
    }

    /** ALS options common to both commands. */
    static final class AlsOptions {
        final AlsConfig base;
        final AlsSetting setting;

        AlsOptions(Args args) {
            int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
            String solverName = args.get("solver", "cg");
            AlsSolver solver;
            switch (solverName.toLowerCase(Locale.ROOT)) {
                case "cg": solver = AlsSolver.CG; break;
                case "cholesky": solver = AlsSolver.CHOLESKY; break;
                default: throw new UsageException("--solver expects cg or cholesky, was '" + solverName + "'");
            }
            try {
                base = AlsConfig.builder().threads(threads).solver(solver)
                        .cgSteps(args.getInt("cg-steps", AlsConfig.DEFAULT_CG_STEPS))
                        .seed(args.getLong("seed", AlsConfig.DEFAULT_SEED)).build();
                setting = new AlsSetting(args.getInt("factors", AlsConfig.DEFAULT_FACTORS),
                        args.getDouble("regularization", AlsConfig.DEFAULT_REGULARIZATION),
                        regularizationExponent(args),
                        args.getDouble("alpha", AlsConfig.DEFAULT_ALPHA),
                        args.get("confidence", "linear"),
                        args.getDouble("eps", 1.0),
                        args.getInt("iterations", AlsConfig.DEFAULT_ITERATIONS));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    /** {@code --regularization-exponent NU}, or 1 for the {@code --scale-regularization} flag (ALS-WR), else 0. */
    private static double regularizationExponent(Args args) {
        boolean wr = args.flag("scale-regularization");
        if (args.has("regularization-exponent")) {
            if (wr) {
                throw new UsageException("give --regularization-exponent NU or --scale-regularization (= exponent 1), not both");
            }
            return args.getDouble("regularization-exponent", 0);
        }
        return wr ? 1 : 0;
    }

    /** The confidence weighting of a setting. */
    static Confidence confidence(AlsSetting s) {
        switch (s.confidence()) {
            case "log": return Confidence.log(s.eps());
            case "binary": return Confidence.binary();
            case "bm25": return Confidence.bm25();
            default: return Confidence.linear();
        }
    }

    /** A fitted model with its recommender, the weighted training matrix it was fitted on, and fit time. */
    record Fitted(AlsModel model, AlsRecommender recommender, InteractionMatrix weighted, double fitSeconds) {
    }

    /** Weights {@code train} by the setting's confidence, fits ALS and wraps it as a recommender. */
    static Fitted fit(AlsSetting setting, AlsConfig base, InteractionMatrix train) {
        InteractionMatrix weighted = confidence(setting).apply(train);
        long t0 = System.nanoTime();
        AlsModel model = new AlsTrainer(setting.toConfig(base)).fit(weighted);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Fitted(model, new AlsRecommender(model, weighted, base.threads()), weighted, secs);
    }

    /** The setting as JSON fields. */
    static Map<String, Object> settingJson(AlsSetting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", s.factors());
        m.put("regularization", s.regularization());
        m.put("regularizationExponent", s.regularizationExponent());
        m.put("alpha", s.alpha());
        m.put("confidence", s.confidence());
        m.put("eps", s.eps());
        m.put("iterations", s.iterations());
        return m;
    }

    /** Every metric of {@code r} into {@code json} (NaN as null), plus the evaluated user count. */
    static Map<String, Object> putMetrics(Map<String, Object> json, EvaluationResult r) {
        json.put("k", r.k());
        json.put("evaluatedUsers", r.userCount());
        for (Metric m : Metric.values()) {
            double v = r.mean(m);
            json.put(m.key(), Double.isNaN(v) ? null : v);
        }
        return json;
    }

    /** Parses a metric name or throws a usage error. */
    static Metric metric(String name) {
        try {
            return Metric.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metric: " + e.getMessage());
        }
    }
}
