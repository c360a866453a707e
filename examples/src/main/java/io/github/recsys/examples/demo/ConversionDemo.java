package io.github.recsys.examples.demo;

import io.github.recsys.conversion.abtest.AbTest;
import io.github.recsys.conversion.abtest.AbTestResult;
import io.github.recsys.conversion.abtest.SegmentAnalysis;
import io.github.recsys.conversion.abtest.SegmentRow;
import io.github.recsys.conversion.abtest.SegmentTable;
import io.github.recsys.conversion.data.CleaningReport;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.data.FittedPipeline;
import io.github.recsys.conversion.data.Imputer;
import io.github.recsys.conversion.data.OneHotEncoder;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.conversion.data.TableSummary;
import io.github.recsys.conversion.linear.LogisticModel;
import io.github.recsys.conversion.linear.LogisticRegressionConfig;
import io.github.recsys.conversion.linear.LogisticRegressionTrainer;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.metrics.ConfusionMatrix;
import io.github.recsys.conversion.metrics.Split;
import io.github.recsys.conversion.metrics.StratifiedSplits;
import io.github.recsys.conversion.metrics.ThresholdChoice;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The conversion half of the demo: generated sessions with dirty rows, cleaning, a table summary,
 * logistic regression on a stratified 80/20 split, and the old vs new recommendation engine.
 */
public final class ConversionDemo {

    private static final String TARGET = "Converted";

    private ConversionDemo() {
    }

    /** Prints the conversion report for {@code rows} generated sessions. */
    public static void run(int rows, long seed, int threads, PrintStream out) {
        out.println("== conversion analytics: does the new recommendation engine convert better? ==");
        long t0 = System.nanoTime();
        Table raw = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(rows).seed(seed).build());
        double genSeconds = seconds(t0);
        CleaningReport cleaned = Pipeline.builder()
                .dropDuplicates()
                .filter(RowFilter.greaterThan("Time_Spent", 0))
                .build().fit(raw).cleanWithReport(raw);
        Table sessions = cleaned.table();
        out.printf(Locale.ROOT, "sessions: %,d generated [%.2f s]; cleaning removed %,d (%s) -> %,d rows%n",
                raw.rows(), genSeconds, cleaned.removed(), removals(cleaned), sessions.rows());
        TableSummary summary = sessions.summary();
        for (TableSummary.ColumnSummary c : summary.columns()) {
            if (c.name().equals("User_ID") || c.name().equals("Session_ID")) {
                continue;
            }
            String detail;
            if (c.top().isEmpty()) {
                detail = String.format(Locale.ROOT, "mean %.2f, min %.2f, max %.2f", c.mean(), c.min(), c.max());
            } else {
                StringBuilder sb = new StringBuilder();
                for (TableSummary.LevelCount l : c.top()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(l.level()).append(' ')
                            .append(String.format(Locale.ROOT, "%.0f%%", 100.0 * l.count() / summary.rows()));
                }
                detail = c.distinct() + " levels: " + sb;
            }
            out.printf(Locale.ROOT, "  %-30s %-11s missing %,6d  %s%n", c.name(), c.type(), c.missing(), detail);
        }

        // Logistic regression on a stratified split; preprocessing fitted on train only.
        Table data = sessions.drop("User_ID", "Session_ID");
        double[] y = new double[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.numeric(TARGET).get(i);
        }
        Split split = StratifiedSplits.split(y, 0.2, seed);
        Table train = data.selectRows(split.train());
        Table test = data.selectRows(split.test());
        FittedPipeline prep = Pipeline.builder()
                .impute("Age", Imputer.Strategy.MEDIAN)
                .impute("Gender", Imputer.Strategy.MOST_FREQUENT)
                .impute("Location", Imputer.Strategy.MOST_FREQUENT)
                .standardizeNumerics()
                .oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
                .target(TARGET)
                .build().fit(train);
        FeatureMatrix xTrain = prep.transform(train);
        FeatureMatrix xTest = prep.transform(test);
        long t1 = System.nanoTime();
        LogisticModel lr = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().threads(threads).build()).fit(xTrain);
        double fitSeconds = seconds(t1);
        double[] p = lr.predictProbabilities(xTest);
        double[] yTest = xTest.labels();
        ConfusionMatrix cm = ClassificationMetrics.confusion(yTest, p, 0.5);
        out.printf(Locale.ROOT, "logistic regression: %,d train rows x %d features [%.3f s]; test %,d rows: "
                        + "AUC %.4f, log loss %.4f, accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f (threshold 0.5)%n",
                xTrain.rows(), xTrain.cols(), fitSeconds, xTest.rows(), ClassificationMetrics.rocAuc(yTest, p),
                ClassificationMetrics.logLoss(yTest, p), cm.accuracy(), cm.precision(), cm.recall(), cm.f1());
        ThresholdChoice best = ClassificationMetrics.bestF1Threshold(yTest, p);
        out.printf(Locale.ROOT, "  at the F1-maximizing threshold %.3f: precision %.4f, recall %.4f, F1 %.4f%n",
                best.threshold(), best.confusion().precision(), best.confusion().recall(), best.confusion().f1());

        // Old vs new engine, overall and by device.
        AbTestResult ab = compare(sessions);
        out.printf(Locale.ROOT, "engine A/B: Old %.2f%% (%,d sessions) vs New %.2f%% (%,d sessions): lift %+.2f pp "
                        + "[%+.2f, %+.2f], relative %+.1f%% [%+.1f%%, %+.1f%%], z-test p = %.3g, sample ratio p = %.3f%n",
                100 * ab.control().rate(), ab.control().trials(), 100 * ab.treatment().rate(), ab.treatment().trials(),
                100 * ab.absoluteLift(), 100 * ab.absoluteLower(), 100 * ab.absoluteUpper(),
                100 * ab.relativeLift(), 100 * ab.relativeLower(), 100 * ab.relativeUpper(), ab.zPValue(),
                ab.sampleRatio().pValue());
        SegmentTable byDevice = SegmentAnalysis.conversionBy(sessions, TARGET, "Device_Type", "Recommendation_Engine");
        out.println("conversion by device and engine (Wilson 95%):");
        for (SegmentRow r : byDevice.rows()) {
            out.printf(Locale.ROOT, "  %-8s %-4s %6.2f%% [%5.2f, %5.2f]  n=%,d%n", r.key().get(0), r.key().get(1),
                    100 * r.conversion().rate(), 100 * r.conversion().lower(), 100 * r.conversion().upper(),
                    r.conversion().trials());
        }
    }

    private static AbTestResult compare(Table sessions) {
        long[] n = new long[2];
        long[] conv = new long[2];
        for (int i = 0; i < sessions.rows(); i++) {
            int arm = "Old".equals(sessions.column("Recommendation_Engine").text(i)) ? 0 : 1;
            n[arm]++;
            conv[arm] += (long) sessions.numeric(TARGET).get(i);
        }
        return AbTest.compare(conv[0], n[0], conv[1], n[1]);
    }

    private static String removals(CleaningReport report) {
        StringBuilder sb = new StringBuilder();
        List<CleaningReport.Removal> list = report.removals();
        for (CleaningReport.Removal r : list) {
            sb.append(sb.length() == 0 ? "" : "; ").append(r.step()).append(": ").append(String.format(Locale.ROOT, "%,d", r.removed()));
        }
        return sb.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
