package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.recsys.conversion.abtest.AbTest;
import io.github.recsys.conversion.abtest.AbTestResult;
import io.github.recsys.conversion.abtest.Proportion;
import io.github.recsys.conversion.abtest.SampleRatioCheck;
import io.github.recsys.conversion.abtest.StratifiedAbTest;
import io.github.recsys.conversion.abtest.StratifiedAbTestResult;
import io.github.recsys.conversion.abtest.StratumResult;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.Labels;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.Pipeline;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.Schema;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.io.csv.TableCsvReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code abtest}: control vs treatment conversion statistics, optionally by segment.
 *
 * <pre>
 * abtest (--input FILE | --generate N [--seed 42]) --variant COL --control A --treatment B --target COL
 *        [--by COL] [--positive-level LEVEL] [--categorical C1,C2] [--confidence 0.95]
 *        [--expected-share 0.5] [--json]
 * </pre>
 * With {@code --generate} the defaults are the generated sessions' {@code Recommendation_Engine}
 * (control {@code Old}, treatment {@code New}) and {@code Converted}; duplicates and sessions with
 * Time_Spent &lt;= 0 are removed first. Rows whose variant is neither A nor B, or whose target is
 * missing, are skipped and counted. Output: a readable report, or with {@code --json} one object
 * {@code {control, treatment, absoluteLift, relativeLift, zTest, chiSquare, yates, sampleRatio,
 * strata?, cmh?, skippedRows}}. See {@link AbTest} and {@link StratifiedAbTest} for the methods.
 */
public final class AbTestCommand implements Command {

    private static final int MAX_NUMERIC_STRATA = 20;

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String input = args.get("input", null);
        long generate = args.getLong("generate", 0);
        long seed = args.getLong("seed", 42);
        boolean gen = generate > 0;
        String variant = args.get("variant", gen ? "Recommendation_Engine" : null);
        String control = args.get("control", gen ? "Old" : null);
        String treatment = args.get("treatment", gen ? "New" : null);
        String target = args.get("target", gen ? "Converted" : null);
        String by = args.get("by", null);
        String positiveLevel = args.get("positive-level", null);
        String categorical = args.get("categorical", null);
        double confidence = args.getDouble("confidence", Proportion.DEFAULT_CONFIDENCE);
        double share = args.getDouble("expected-share", 0.5);
        boolean json = args.flag("json");
        args.finish();
        if ((input == null) == !gen) {
            throw new UsageException("give exactly one of --input FILE or --generate N");
        }
        for (String[] req : new String[][] {{"variant", variant}, {"control", control}, {"treatment", treatment},
            {"target", target}}) {
            if (req[1] == null) {
                throw new UsageException("missing required option --" + req[0]);
            }
        }
        if (control.equals(treatment)) {
            throw new UsageException("--control and --treatment must differ, both were '" + control + "'");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new UsageException("--confidence must be in (0, 1), was " + confidence);
        }
        if (!(share > 0 && share < 1)) {
            throw new UsageException("--expected-share must be in (0, 1), was " + share);
        }
        if (gen && generate > Integer.MAX_VALUE) {
            throw new UsageException("--generate must be at most " + Integer.MAX_VALUE + ", was " + generate);
        }

        Table table;
        String source;
        if (input != null) {
            Path path = Path.of(input);
            if (!Files.isRegularFile(path)) {
                throw new IOException("cannot read '" + input + "': no such file");
            }
            Schema.Builder schema = Schema.builder();
            if (categorical != null) {
                for (String c : categorical.split(",")) {
                    if (!c.isBlank()) {
                        schema.categorical(c.strip());
                    }
                }
            }
            table = TableCsvReader.builder().schema(schema.build()).build().read(path);
            source = input;
        } else {
            Table raw = SessionGenerator.generate(SessionGeneratorConfig.builder().rows((int) generate).seed(seed).build());
            table = Pipeline.builder().dropDuplicates().filter(RowFilter.greaterThan("Time_Spent", 0)).build().fit(raw).clean(raw);
            source = "generated sessions";
        }
        for (String col : by == null ? new String[] {variant, target} : new String[] {variant, target, by}) {
            if (!table.has(col)) {
                throw new IllegalArgumentException(source + ": unknown column '" + col + "'; columns are " + table.columnNames());
            }
        }
        if (by != null && (by.equals(variant) || by.equals(target))) {
            throw new UsageException("--by must differ from the variant and target columns, was '" + by + "'");
        }
        Column v = table.column(variant);
        double[] y = Labels.binary(table.column(target), positiveLevel, true);
        Column s = by == null ? null : table.column(by);
        List<String> strata = new ArrayList<>();
        int[] stratum = new int[table.rows()];
        if (s != null) {
            stratum = strataCodes(s, strata, source);
        } else {
            strata.add("all");
        }
        int k = strata.size();
        long[] cConv = new long[k];
        long[] cN = new long[k];
        long[] tConv = new long[k];
        long[] tN = new long[k];
        long skipped = 0;
        Set<String> seenVariants = new LinkedHashSet<>();
        for (int i = 0; i < table.rows(); i++) {
            String value = v.text(i);
            if (seenVariants.size() < 50) {
                seenVariants.add(value == null ? "(missing)" : value);
            }
            boolean isC = control.equals(value);
            boolean isT = treatment.equals(value);
            if ((!isC && !isT) || Double.isNaN(y[i])) {
                skipped++;
                continue;
            }
            int st = stratum[i];
            if (isC) {
                cN[st]++;
                cConv[st] += (long) y[i];
            } else {
                tN[st]++;
                tConv[st] += (long) y[i];
            }
        }
        long totalC = sum(cN);
        long totalT = sum(tN);
        if (totalC == 0 || totalT == 0) {
            throw new IllegalArgumentException(source + ": variant column '" + variant + "' has no rows with value '"
                    + (totalC == 0 ? control : treatment) + "'; values seen: " + seenVariants);
        }
        AbTestResult overall;
        StratifiedAbTestResult stratified = null;
        if (s != null) {
            stratified = StratifiedAbTest.compare(strata.toArray(new String[0]), cConv, cN, tConv, tN, confidence, share);
            overall = stratified.overall();
        } else {
            overall = AbTest.compare(cConv[0], cN[0], tConv[0], tN[0], confidence, share);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", variant);
            m.put("target", target);
            m.putAll(resultJson(overall, control, treatment));
            if (stratified != null) {
                m.put("by", by);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (StratumResult r : stratified.strata()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("stratum", r.stratum());
                    if (r.result() != null) {
                        row.putAll(resultJson(r.result(), control, treatment));
                    }
                    rows.add(row);
                }
                m.put("strata", rows);
                Map<String, Object> cmh = new LinkedHashMap<>();
                cmh.put("chiSquare", stratified.cmhChiSquare());
                cmh.put("pValue", stratified.cmhPValue());
                cmh.put("oddsRatio", num(stratified.mhOddsRatio()));
                cmh.put("oddsRatioLower", num(stratified.mhOddsLower()));
                cmh.put("oddsRatioUpper", num(stratified.mhOddsUpper()));
                m.put("cmh", cmh);
            }
            m.put("skippedRows", skipped);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.print(text(overall, stratified, variant, control, treatment, target, by, skipped));
        }
        return 0;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    private static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static int[] strataCodes(Column s, List<String> names, String source) {
        int n = s.size();
        int[] codes = new int[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = s.text(i);
            values.add(t == null ? "(missing)" : t);
        }
        // sorted stratum order: categorical levels / booleans / numbers as text, numbers numerically
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        if (s instanceof NumericColumn) {
            if (distinct.size() > MAX_NUMERIC_STRATA) {
                throw new IllegalArgumentException(source + ": --by column '" + s.name() + "' is numeric with "
                        + distinct.size() + " distinct values (at most " + MAX_NUMERIC_STRATA
                        + "); use a categorical column or bin it first");
            }
            distinct.sort((a, b) -> a.equals("(missing)") ? 1 : b.equals("(missing)") ? -1
                    : Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        } else {
            distinct.sort((a, b) -> a.equals("(missing)") ? 1 : b.equals("(missing)") ? -1 : a.compareTo(b));
        }
        for (String d : distinct) {
            index.put(d, index.size());
            names.add(d);
        }
        for (int i = 0; i < n; i++) {
            codes[i] = index.get(values.get(i));
        }
        return codes;
    }

    private static Map<String, Object> resultJson(AbTestResult r, String control, String treatment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("control", arm(control, r.control()));
        m.put("treatment", arm(treatment, r.treatment()));
        m.put("absoluteLift", interval(r.absoluteLift(), r.absoluteLower(), r.absoluteUpper()));
        m.put("relativeLift", interval(r.relativeLift(), r.relativeLower(), r.relativeUpper()));
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("z", r.zStatistic());
        z.put("pValue", r.zPValue());
        m.put("zTest", z);
        Map<String, Object> chi = new LinkedHashMap<>();
        chi.put("chiSquare", r.chiSquare());
        chi.put("pValue", r.chiSquarePValue());
        m.put("chiSquare", chi);
        Map<String, Object> yates = new LinkedHashMap<>();
        yates.put("chiSquare", r.yatesChiSquare());
        yates.put("pValue", r.yatesPValue());
        m.put("yates", yates);
        SampleRatioCheck srm = r.sampleRatio();
        Map<String, Object> sr = new LinkedHashMap<>();
        sr.put("expectedTreatmentShare", srm.expectedTreatmentShare());
        sr.put("chiSquare", srm.chiSquare());
        sr.put("pValue", srm.pValue());
        sr.put("mismatch", srm.mismatch());
        m.put("sampleRatio", sr);
        m.put("confidence", r.confidence());
        return m;
    }

    private static Map<String, Object> arm(String name, Proportion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sessions", p.trials());
        m.put("conversions", p.successes());
        m.put("rate", num(p.rate()));
        m.put("lower", p.lower());
        m.put("upper", p.upper());
        return m;
    }

    private static Map<String, Object> interval(double est, double lo, double hi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", num(est));
        m.put("lower", num(lo));
        m.put("upper", num(hi));
        return m;
    }

    private static String text(AbTestResult r, StratifiedAbTestResult st, String variant, String control,
                               String treatment, String target, String by, long skipped) {
        StringBuilder b = new StringBuilder();
        int pct = (int) Math.round(r.confidence() * 100);
        b.append(String.format(Locale.ROOT, "A/B test: %s by %s (%s = control, %s = treatment)%n", target, variant,
                control, treatment));
        b.append(String.format(Locale.ROOT, "%-10s %-14s %10s %11s %8s  %d%% Wilson interval%n", "arm", "value",
                "sessions", "conversions", "rate", pct));
        appendArm(b, "control", control, r.control());
        appendArm(b, "treatment", treatment, r.treatment());
        b.append(String.format(Locale.ROOT, "absolute lift  %+.4f  (%d%% CI %+.4f .. %+.4f)%n", r.absoluteLift(), pct,
                r.absoluteLower(), r.absoluteUpper()));
        b.append(String.format(Locale.ROOT, "relative lift  %+.2f%%  (%d%% CI %+.2f%% .. %+.2f%%, log risk ratio)%n",
                100 * r.relativeLift(), pct, 100 * r.relativeLower(), 100 * r.relativeUpper()));
        b.append(String.format(Locale.ROOT, "z-test         z = %.3f, p = %.4g  (pooled two-proportion, two-sided)%n",
                r.zStatistic(), r.zPValue()));
        b.append(String.format(Locale.ROOT, "chi-square     %.3f, p = %.4g  (Yates-corrected: %.3f, p = %.4g)%n",
                r.chiSquare(), r.chiSquarePValue(), r.yatesChiSquare(), r.yatesPValue()));
        SampleRatioCheck srm = r.sampleRatio();
        double observed = (double) srm.treatmentSessions() / (srm.treatmentSessions() + srm.controlSessions());
        b.append(String.format(Locale.ROOT, "sample ratio   treatment share %.4f vs expected %.4f: chi2 = %.3f, p = %.4g %s%n",
                observed, srm.expectedTreatmentShare(), srm.chiSquare(), srm.pValue(),
                srm.mismatch() ? "MISMATCH (check assignment and logging)" : "ok"));
        if (st != null) {
            b.append(String.format(Locale.ROOT, "%nby %s:%n", by));
            b.append(String.format(Locale.ROOT, "%-16s %10s %8s %10s %8s %9s %21s %10s%n", "stratum", "n control", "rate",
                    "n treat", "rate", "abs lift", pct + "% CI", "p-value"));
            for (StratumResult sr : st.strata()) {
                AbTestResult x = sr.result();
                if (x == null) {
                    b.append(String.format(Locale.ROOT, "%-16s %s%n", sr.stratum(), "(one arm has no sessions)"));
                    continue;
                }
                b.append(String.format(Locale.ROOT, "%-16s %10d %8.4f %10d %8.4f %+9.4f %10s %10s %10.4g%n",
                        sr.stratum(), x.control().trials(), x.control().rate(), x.treatment().trials(),
                        x.treatment().rate(), x.absoluteLift(), String.format(Locale.ROOT, "%+.4f", x.absoluteLower()),
                        String.format(Locale.ROOT, "%+.4f", x.absoluteUpper()), x.zPValue()));
            }
            b.append(String.format(Locale.ROOT,
                    "Cochran-Mantel-Haenszel: chi2 = %.3f, p = %.4g; common odds ratio %.4f (%d%% CI %.4f .. %.4f)%n",
                    st.cmhChiSquare(), st.cmhPValue(), st.mhOddsRatio(), pct, st.mhOddsLower(), st.mhOddsUpper()));
        }
        if (skipped > 0) {
            b.append(String.format(Locale.ROOT, "skipped %d rows (other variant values or missing target)%n", skipped));
        }
        return b.toString();
    }

    private static void appendArm(StringBuilder b, String arm, String value, Proportion p) {
        b.append(String.format(Locale.ROOT, "%-10s %-14s %10d %11d %8.4f  %.4f .. %.4f%n", arm, value, p.trials(),
                p.successes(), p.rate(), p.lower(), p.upper()));
    }
}
