package io.github.recsys.conversion.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fills missing values of one column with a value learned at fit time: the mean or median
 * (numeric), the most frequent value (any type; ties go to the smallest value or first level), or a
 * constant. Immutable and thread-safe.
 */
public final class Imputer implements Transform {

    /** How the fill value is chosen. */
    public enum Strategy {
        /** Mean of the present values (numeric columns). */
        MEAN,
        /** Median of the present values (numeric columns; mean of the two middle values for an even count). */
        MEDIAN,
        /** Most frequent present value (any column type). */
        MOST_FREQUENT,
        /** A given constant (number for numeric columns, level text for categorical, true/false for boolean). */
        CONSTANT
    }

    private final String column;
    private final Strategy strategy;
    private final String constant;

    private Imputer(String column, Strategy strategy, String constant) {
        this.column = Objects.requireNonNull(column, "column");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.constant = constant;
    }

    /** Fills with a learned value (MEAN, MEDIAN or MOST_FREQUENT). */
    public static Imputer of(String column, Strategy strategy) {
        if (strategy == Strategy.CONSTANT) {
            throw new IllegalArgumentException("use Imputer.constant(column, value) for a constant fill");
        }
        return new Imputer(column, strategy, null);
    }

    /** Fills with a constant given as text ("0", "Unknown", "false"); parsed for the column's type at fit time. */
    public static Imputer constant(String column, String value) {
        return new Imputer(column, Strategy.CONSTANT, Objects.requireNonNull(value, "value"));
    }

    @Override
    public FittedTransform fit(Table table) {
        Column c = table.column(column);
        String fill;
        switch (strategy) {
            case MEAN, MEDIAN -> {
                if (!(c instanceof NumericColumn x)) {
                    throw new IllegalArgumentException("imputing '" + column + "' by " + strategy.name().toLowerCase(java.util.Locale.ROOT)
                            + " needs a numeric column, it is " + c.type().label());
                }
                double v = strategy == Strategy.MEAN ? x.mean() : median(x);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("cannot impute '" + column + "': it has no present values");
                }
                fill = NumericColumn.formatNumber(v);
            }
            case MOST_FREQUENT -> fill = mostFrequent(c);
            case CONSTANT -> fill = constant;
            default -> throw new AssertionError(strategy);
        }
        // validate the fill value for the type
        ColumnBuilder probe = ColumnBuilder.of(column, c.type());
        probe.add(fill);
        if (probe.build().isMissing(0)) {
            throw new IllegalArgumentException("fill value '" + fill + "' for column '" + column + "' is itself a missing value");
        }
        return new Fitted(column, c.type(), fill);
    }

    private static double median(NumericColumn x) {
        double[] v = Arrays.stream(x.toArray()).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private String mostFrequent(Column c) {
        if (c instanceof CategoricalColumn k) {
            long[] counts = k.counts();
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("cannot impute '" + column + "': it has no present values");
            }
            return k.levelOf(best);
        }
        if (c instanceof BooleanColumn b) {
            int t = b.trueCount();
            int f = b.size() - b.missingCount() - t;
            if (t + f == 0) {
                throw new IllegalArgumentException("cannot impute '" + column + "': it has no present values");
            }
            return t > f ? "true" : "false";
        }
        double[] v = Arrays.stream(((NumericColumn) c).toArray()).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("cannot impute '" + column + "': it has no present values");
        }
        double best = v[0];
        int bestRun = 0;
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j < v.length && v[j] == v[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = v[i];
            }
            i = j;
        }
        return NumericColumn.formatNumber(best);
    }

    @Override
    public String toString() {
        return "Imputer[" + column + ", " + strategy + (constant != null ? " '" + constant + "'" : "") + "]";
    }

    private record Fitted(String column, ColumnType type, String fill) implements FittedTransform {
        @Override
        public Table apply(Table table) {
            Column c = table.column(column);
            if (c.type() != type) {
                throw new IllegalArgumentException("column '" + column + "' is " + c.type().label() + ", the imputer was fitted on a "
                        + type.label() + " column");
            }
            if (c.missingCount() == 0) {
                return table;
            }
            int n = c.size();
            if (c instanceof NumericColumn x) {
                double f = ColumnBuilder.parseNumber(fill);
                double[] v = x.toArray();
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = f;
                    }
                }
                return table.withColumn(NumericColumn.wrap(column, v));
            }
            if (c instanceof CategoricalColumn k) {
                List<String> lv = new java.util.ArrayList<>(k.levels());
                int code = lv.indexOf(fill);
                if (code < 0) {
                    code = lv.size();
                    lv.add(fill);
                }
                int[] codes = k.codes();
                for (int i = 0; i < n; i++) {
                    if (codes[i] < 0) {
                        codes[i] = code;
                    }
                }
                return table.withColumn(CategoricalColumn.wrap(column, codes, lv.toArray(new String[0])));
            }
            BooleanColumn b = (BooleanColumn) c;
            ColumnBuilder parsed = ColumnBuilder.of(column, ColumnType.BOOLEAN);
            parsed.add(fill);
            byte f = ((BooleanColumn) parsed.build()).code(0);
            byte[] v = new byte[n];
            for (int i = 0; i < n; i++) {
                v[i] = b.isMissing(i) ? f : b.code(i);
            }
            return table.withColumn(BooleanColumn.wrap(column, v));
        }

        @Override
        public String toString() {
            return "Imputer[" + column + " <- '" + fill + "']";
        }
    }
}
