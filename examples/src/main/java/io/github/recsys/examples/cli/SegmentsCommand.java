package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.recsys.conversion.abtest.Proportion;
import io.github.recsys.conversion.abtest.SegmentAnalysis;
import io.github.recsys.conversion.abtest.SegmentRow;
import io.github.recsys.conversion.abtest.SegmentTable;
import io.github.recsys.conversion.data.Binner;
import io.github.recsys.conversion.data.DropDuplicates;
import io.github.recsys.conversion.data.RowFilter;
import io.github.recsys.conversion.data.Schema;
import io.github.recsys.conversion.data.SessionGenerator;
import io.github.recsys.conversion.data.SessionGeneratorConfig;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.io.csv.CsvReadReport;
import io.github.recsys.io.csv.TableCsvReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code segments}: conversion rate by one or two columns with counts and Wilson intervals.
 *
 * <pre>
 * segments (--input FILE | --generate N [--seed 42]) --target COL --by COL[,COL]
 *          [--positive-level LEVEL] [--categorical C1,C2] [--bins COL=e1,e2,...[;COL2=...]]
 *          [--drop-duplicates] [--filter-positive COL] [--confidence 0.95] [--lenient] [--json]
 * </pre>
 * Numeric grouping columns with more than 20 values must be binned: {@code --bins Age=25,35,50}
 * gives groups {@code [-inf, 25)}, {@code [25, 35)}, {@code [35, 50)}, {@code [50, inf]}.
 * {@code --drop-duplicates} and {@code --filter-positive Time_Spent} clean the table first.
 * Output: a readable table, or with {@code --json} one object {@code {target, by, rows, overall,
 * segments: [{key: {col: value}, sessions, conversions, rate, lower, upper}], skippedMissingTarget, readSeconds}}.
 */
public final class SegmentsCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String input = args.get("input", null);
        long generate = args.getLong("generate", 0);
        long seed = args.getLong("seed", 42);
        String target = args.get("target", generate > 0 ? "Converted" : null);
        String byOpt = args.require("by");
        String positive = args.get("positive-level", null);
        String categorical = args.get("categorical", null);
        String bins = args.get("bins", null);
        boolean dedup = args.flag("drop-duplicates");
        String filterPositive = args.get("filter-positive", null);
        double confidence = args.getDouble("confidence", Proportion.DEFAULT_CONFIDENCE);
        boolean lenient = args.flag("lenient");
        boolean json = args.flag("json");
        args.finish();
        if ((input == null) == (generate <= 0)) {
            throw new UsageException("give exactly one of --input FILE or --generate N");
        }
        if (target == null) {
            throw new UsageException("missing required option --target");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new UsageException("--confidence must be in (0, 1), was " + confidence);
        }
        String[] by = byOpt.split(",");
        for (int i = 0; i < by.length; i++) {
            by[i] = by[i].strip();
        }

        long t0 = System.nanoTime();
        Table table;
        if (input != null) {
            Schema.Builder schema = Schema.builder();
            if (categorical != null) {
                for (String c : categorical.split(",")) {
                    schema.categorical(c.strip());
                }
            }
            CsvReadReport report = TableCsvReader.builder().schema(schema.build()).lenient(lenient).build()
                    .readWithReport(Path.of(input));
            table = report.table();
            if (report.badValues() > 0 || report.skippedRows() > 0) {
                err.printf(Locale.ROOT, "lenient read: %d bad values read as missing, %d ragged rows skipped%n",
                        report.badValues(), report.skippedRows());
                report.firstProblems().forEach(err::println);
            }
        } else {
            if (generate > Integer.MAX_VALUE) {
                throw new UsageException("--generate must be <= " + Integer.MAX_VALUE + ", was " + generate);
            }
            table = SessionGenerator.generate(SessionGeneratorConfig.builder().rows((int) generate).seed(seed).build());
        }
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "%s: %,d rows, %d columns in %.3f s (%,.0f rows/s)%n", input != null ? input : "generated",
                table.rows(), table.columnCount(), readSeconds, table.rows() / Math.max(readSeconds, 1e-9));
        int before = table.rows();
        if (dedup) {
            table = new DropDuplicates().apply(table);
        }
        if (filterPositive != null) {
            table = RowFilter.greaterThan(filterPositive, 0).fit(table).apply(table);
        }
        if (table.rows() != before) {
            err.printf(Locale.ROOT, "cleaning removed %,d of %,d rows%n", before - table.rows(), before);
        }
        if (bins != null) {
            for (String spec : bins.split(";")) {
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--bins expects COL=e1,e2,...[;COL2=...], was '" + spec + "'");
                }
                String col = spec.substring(0, eq).strip();
                String[] parts = spec.substring(eq + 1).split(",");
                double[] edges = new double[parts.length + 2];
                edges[0] = Double.NEGATIVE_INFINITY;
                edges[edges.length - 1] = Double.POSITIVE_INFINITY;
                for (int i = 0; i < parts.length; i++) {
                    try {
                        edges[i + 1] = Double.parseDouble(parts[i].strip());
                    } catch (NumberFormatException e) {
                        throw new UsageException("--bins " + col + ": edge '" + parts[i] + "' is not a number");
                    }
                }
                try {
                    table = Binner.ranges(col, col, edges).fit(table).apply(table);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--bins " + col + ": " + e.getMessage());
                }
            }
        }
        SegmentTable result = SegmentAnalysis.conversionBy(table, target, positive, confidence, by);
        if (!json) {
            out.print(result.toText());
            return 0;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", result.target());
        o.put("by", result.by());
        o.put("rows", table.rows());
        o.put("overall", proportion(result.overall()));
        List<Map<String, Object>> segs = new ArrayList<>();
        for (SegmentRow r : result.rows()) {
            Map<String, Object> s = new LinkedHashMap<>();
            Map<String, String> key = new LinkedHashMap<>();
            for (int j = 0; j < by.length; j++) {
                key.put(by[j], r.key().get(j));
            }
            s.put("key", key);
            s.putAll(proportion(r.conversion()));
            segs.add(s);
        }
        o.put("segments", segs);
        o.put("confidence", confidence);
        o.put("skippedMissingTarget", result.skippedMissingTarget());
        o.put("readSeconds", readSeconds);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        return 0;
    }

    private static Map<String, Object> proportion(Proportion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", p.trials());
        m.put("conversions", p.successes());
        m.put("rate", Double.isNaN(p.rate()) ? null : p.rate());
        m.put("lower", p.lower());
        m.put("upper", p.upper());
        return m;
    }
}
