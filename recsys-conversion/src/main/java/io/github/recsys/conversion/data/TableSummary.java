package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-column statistics of a {@link Table}: what an analyst looks at first. Immutable value.
 *
 * @param rows    number of rows
 * @param columns one summary per column, in table order
 */
public record TableSummary(int rows, List<ColumnSummary> columns) {

    /** How many of the most frequent levels a categorical summary keeps. */
    public static final int TOP_LEVELS = 3;

    /** Copies the list. */
    public TableSummary {
        columns = List.copyOf(columns);
    }

    /**
     * Statistics of one column. Numeric columns fill {@code mean}, {@code std} (population),
     * {@code min}, {@code max} (NaN when no value is present); boolean columns fill {@code mean} with
     * the share of true values; categorical columns fill {@code distinct} and {@code top}.
     *
     * @param name     column name
     * @param type     column type
     * @param missing  number of missing values
     * @param mean     mean (numeric), share of true (boolean), else NaN
     * @param std      population standard deviation (numeric), else NaN
     * @param min      minimum (numeric), else NaN
     * @param max      maximum (numeric), else NaN
     * @param distinct number of levels (categorical), 2 (boolean), else 0
     * @param top      up to {@link #TOP_LEVELS} most frequent levels with counts, most frequent first (categorical), else empty
     */
    public record ColumnSummary(String name, ColumnType type, int missing, double mean, double std, double min,
                                double max, int distinct, List<LevelCount> top) {
        /** Copies the list. */
        public ColumnSummary {
            top = List.copyOf(top);
        }
    }

    /**
     * A level and its number of rows.
     *
     * @param level the level text
     * @param count number of rows with this level
     */
    public record LevelCount(String level, long count) {
    }

    /** Computes the summary of {@code table}. */
    public static TableSummary of(Table table) {
        List<ColumnSummary> out = new ArrayList<>();
        for (Column c : table.columns()) {
            out.add(summarize(c));
        }
        return new TableSummary(table.rows(), out);
    }

    private static ColumnSummary summarize(Column c) {
        int n = c.size();
        switch (c.type()) {
            case NUMERIC -> {
                NumericColumn x = (NumericColumn) c;
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int present = 0;
                for (int i = 0; i < n; i++) {
                    double v = x.get(i);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        present++;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                double mean = present == 0 ? Double.NaN : sum / present;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double v = x.get(i);
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                    }
                }
                double std = present == 0 ? Double.NaN : Math.sqrt(ss / present);
                return new ColumnSummary(c.name(), c.type(), n - present, mean, std,
                        present == 0 ? Double.NaN : min, present == 0 ? Double.NaN : max, 0, List.of());
            }
            case BOOLEAN -> {
                BooleanColumn b = (BooleanColumn) c;
                int missing = b.missingCount();
                int present = n - missing;
                double share = present == 0 ? Double.NaN : (double) b.trueCount() / present;
                return new ColumnSummary(c.name(), c.type(), missing, share, Double.NaN, Double.NaN, Double.NaN, 2, List.of());
            }
            case CATEGORICAL -> {
                CategoricalColumn k = (CategoricalColumn) c;
                long[] counts = k.counts();
                List<LevelCount> all = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    all.add(new LevelCount(k.levelOf(i), counts[i]));
                }
                all.sort((a, b) -> Long.compare(b.count(), a.count()));
                return new ColumnSummary(c.name(), c.type(), k.missingCount(), Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, k.cardinality(), all.subList(0, Math.min(TOP_LEVELS, all.size())));
            }
            default -> throw new AssertionError(c.type());
        }
    }

    /** A fixed-width text table, one line per column. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d rows, %d columns%n", rows, columns.size()));
        sb.append(String.format(Locale.ROOT, "%-28s %-11s %8s  %s%n", "column", "type", "missing", "statistics"));
        for (ColumnSummary c : columns) {
            String stats = switch (c.type()) {
                case NUMERIC -> String.format(Locale.ROOT, "mean %.4g  std %.4g  min %.4g  max %.4g", c.mean(), c.std(), c.min(), c.max());
                case BOOLEAN -> String.format(Locale.ROOT, "true %.2f%%", 100 * c.mean());
                case CATEGORICAL -> {
                    StringBuilder t = new StringBuilder(c.distinct() + " levels; top");
                    for (LevelCount lc : c.top()) {
                        t.append(' ').append(lc.level()).append(" (").append(lc.count()).append(')');
                    }
                    yield t.toString();
                }
            };
            sb.append(String.format(Locale.ROOT, "%-28s %-11s %8d  %s%n", c.name(), c.type().label(), c.missing(), stats));
        }
        return sb.toString();
    }
}
