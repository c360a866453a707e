package io.github.recsys.conversion.abtest;

import io.github.recsys.conversion.data.BooleanColumn;
import io.github.recsys.conversion.data.CategoricalColumn;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.Labels;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conversion rate by segment: counts and Wilson intervals of a binary target grouped by one or two
 * columns. Stateless; thread-safe.
 *
 * <p>Grouping columns may be categorical (by level), boolean (false, true) or numeric with at most
 * {@link #MAX_NUMERIC_VALUES} distinct values (by value, e.g. a 1-5 rating); a numeric column with
 * more values is rejected with a message suggesting to bin it first ({@link io.github.recsys.conversion.data.Binner}).
 * Missing grouping values form their own segment, {@link #MISSING}. Sessions whose target is missing
 * are left out and counted. The target may be boolean, numeric 0/1, or categorical with a named
 * positive level.
 *
 * <pre>{@code
 * SegmentTable byDevice = SegmentAnalysis.conversionBy(sessions, "Converted", "Device_Type");
 * SegmentTable byEngineAndDevice = SegmentAnalysis.conversionBy(sessions, "Converted", "Recommendation_Engine", "Device_Type");
 * String report = byEngineAndDevice.toText(); // a fixed-width table with Wilson intervals
 * }</pre>
 */
public final class SegmentAnalysis {

    /** Key of the segment of missing values. */
    public static final String MISSING = "(missing)";
    /** Largest number of distinct values a numeric grouping column may have. */
    public static final int MAX_NUMERIC_VALUES = 20;

    private SegmentAnalysis() {
    }

    /** Conversion by one or two columns with 95% Wilson intervals; see the class comment. */
    public static SegmentTable conversionBy(Table table, String target, String... by) {
        return conversionBy(table, target, null, Proportion.DEFAULT_CONFIDENCE, by);
    }

    /**
     * Conversion by one or two columns.
     *
     * @param table         the sessions
     * @param target        binary target column
     * @param positiveLevel positive level of a categorical target, else null
     * @param confidence    level of the Wilson intervals, in (0, 1)
     * @param by            one or two grouping columns
     * @throws IllegalArgumentException for unknown columns, more than two or no grouping columns, a
     *                                  grouping column equal to the target, a numeric grouping column
     *                                  with too many values, or a non-binary target
     */
    public static SegmentTable conversionBy(Table table, String target, String positiveLevel, double confidence, String... by) {
        if (by.length < 1 || by.length > 2) {
            throw new IllegalArgumentException("segments need one or two grouping columns, was " + by.length + " " + Arrays.toString(by));
        }
        if (!table.has(target)) {
            throw new IllegalArgumentException("unknown target column '" + target + "'; columns are " + table.columnNames());
        }
        double[] y = Labels.binary(table.column(target), positiveLevel, true);
        int n = table.rows();
        int[][] codes = new int[by.length][];
        List<List<String>> names = new ArrayList<>();
        for (int j = 0; j < by.length; j++) {
            if (by[j].equals(target)) {
                throw new IllegalArgumentException("grouping column '" + by[j] + "' is the target itself");
            }
            Keyed k = keyed(table.column(by[j]));
            codes[j] = k.codes;
            names.add(k.names);
        }
        int k0 = names.get(0).size();
        int k1 = by.length == 2 ? names.get(1).size() : 1;
        long[] trials = new long[k0 * k1];
        long[] successes = new long[k0 * k1];
        long skipped = 0;
        long allTrials = 0;
        long allSuccesses = 0;
        for (int i = 0; i < n; i++) {
            double label = y[i];
            if (Double.isNaN(label)) {
                skipped++;
                continue;
            }
            int cell = codes[0][i] * k1 + (by.length == 2 ? codes[1][i] : 0);
            trials[cell]++;
            allTrials++;
            if (label == 1) {
                successes[cell]++;
                allSuccesses++;
            }
        }
        List<SegmentRow> rows = new ArrayList<>();
        for (int a = 0; a < k0; a++) {
            for (int b = 0; b < k1; b++) {
                int cell = a * k1 + b;
                if (trials[cell] == 0) {
                    continue;
                }
                List<String> key = by.length == 2 ? List.of(names.get(0).get(a), names.get(1).get(b)) : List.of(names.get(0).get(a));
                rows.add(new SegmentRow(key, Proportion.wilson(successes[cell], trials[cell], confidence)));
            }
        }
        return new SegmentTable(target, List.of(by), rows, Proportion.wilson(allSuccesses, allTrials, confidence), skipped);
    }

    /** Dense segment codes 0..k-1 per row (missing = the last code) and the segment names. */
    private record Keyed(int[] codes, List<String> names) {
    }

    private static Keyed keyed(Column c) {
        int n = c.size();
        int[] codes = new int[n];
        List<String> names = new ArrayList<>();
        boolean anyMissing = false;
        if (c instanceof CategoricalColumn k) {
            int m = k.cardinality();
            for (int i = 0; i < n; i++) {
                int code = k.code(i);
                codes[i] = code < 0 ? m : code;
                anyMissing |= code < 0;
            }
            names.addAll(k.levels());
        } else if (c instanceof BooleanColumn b) {
            for (int i = 0; i < n; i++) {
                byte v = b.code(i);
                codes[i] = v == BooleanColumn.MISSING ? 2 : v;
                anyMissing |= v == BooleanColumn.MISSING;
            }
            names.add("false");
            names.add("true");
        } else {
            NumericColumn x = (NumericColumn) c;
            double[] distinct = Arrays.stream(x.toArray()).filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
            if (distinct.length > MAX_NUMERIC_VALUES) {
                throw new IllegalArgumentException("column '" + c.name() + "' is numeric with " + distinct.length
                        + " distinct values (more than " + MAX_NUMERIC_VALUES + "); bin it first (Binner.ranges, or --bins "
                        + c.name() + "=edge1,edge2,... in the CLI) or group by a categorical column");
            }
            for (int i = 0; i < n; i++) {
                double v = x.get(i);
                if (Double.isNaN(v)) {
                    codes[i] = distinct.length;
                    anyMissing = true;
                } else {
                    codes[i] = Arrays.binarySearch(distinct, v);
                }
            }
            for (double v : distinct) {
                names.add(NumericColumn.formatNumber(v));
            }
        }
        if (anyMissing) {
            names.add(MISSING); // the code after the last value
        }
        return new Keyed(codes, names);
    }
}
