package io.github.recsys.conversion.data;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * Keeps the rows that satisfy a condition on one column (or, for {@link #notMissing}, several).
 * Numeric conditions are false for missing values, so {@code greaterThan("Time_Spent", 0)} also
 * drops sessions without a time. A filter removes rows, so a {@link FittedPipeline} skips it when
 * scoring a single session. Immutable and thread-safe (a custom predicate must be too).
 */
public final class RowFilter implements Transform, FittedTransform {

    private final String description;
    private final List<String> columns;
    private final DoublePredicate numeric;  // for numeric conditions
    private final Set<String> levels;       // for levelIn

    private RowFilter(String description, List<String> columns, DoublePredicate numeric, Set<String> levels) {
        this.description = description;
        this.columns = columns;
        this.numeric = numeric;
        this.levels = levels;
    }

    /** Rows with {@code column > value}. */
    public static RowFilter greaterThan(String column, double value) {
        return where(column + " > " + value, column, x -> x > value);
    }

    /** Rows with {@code column >= value}. */
    public static RowFilter atLeast(String column, double value) {
        return where(column + " >= " + value, column, x -> x >= value);
    }

    /** Rows with {@code column < value}. */
    public static RowFilter lessThan(String column, double value) {
        return where(column + " < " + value, column, x -> x < value);
    }

    /** Rows with {@code column <= value}. */
    public static RowFilter atMost(String column, double value) {
        return where(column + " <= " + value, column, x -> x <= value);
    }

    /** Rows with {@code low <= column <= high}. */
    public static RowFilter between(String column, double low, double high) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low must be <= high, was " + low + " > " + high);
        }
        return where(low + " <= " + column + " <= " + high, column, x -> x >= low && x <= high);
    }

    /**
     * Rows where {@code test} holds for the numeric value of {@code column} (booleans as 1/0; missing
     * values as NaN, which the test sees).
     *
     * @param description shown by {@link #toString()}, e.g. "Time_Spent > 0"
     */
    public static RowFilter where(String description, String column, DoublePredicate test) {
        return new RowFilter(Objects.requireNonNull(description, "description"), List.of(column),
                Objects.requireNonNull(test, "test"), null);
    }

    /** Rows whose categorical {@code column} has one of the given levels. */
    public static RowFilter levelIn(String column, String... levels) {
        return new RowFilter(column + " in " + List.of(levels), List.of(column), null, Set.of(levels));
    }

    /** Rows with a value in every given column. */
    public static RowFilter notMissing(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("notMissing needs at least one column");
        }
        return new RowFilter(List.of(columns) + " not missing", List.of(columns), null, null);
    }

    @Override
    public FittedTransform fit(Table table) {
        check(table);
        return this;
    }

    private void check(Table table) {
        for (String c : columns) {
            Column col = table.column(c);
            if (numeric != null && col.type() == ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("filter '" + description + "' needs a numeric column, '" + c + "' is categorical");
            }
            if (levels != null && col.type() != ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("filter '" + description + "' needs a categorical column, '" + c
                        + "' is " + col.type().label());
            }
        }
    }

    @Override
    public boolean removesRows() {
        return true;
    }

    @Override
    public Table apply(Table table) {
        check(table);
        int n = table.rows();
        boolean[] keep = new boolean[n];
        if (numeric != null) {
            Column col = table.column(columns.get(0));
            if (col instanceof NumericColumn x) {
                for (int i = 0; i < n; i++) {
                    keep[i] = numeric.test(x.get(i));
                }
            } else {
                BooleanColumn b = (BooleanColumn) col;
                for (int i = 0; i < n; i++) {
                    keep[i] = numeric.test(b.asDouble(i));
                }
            }
        } else if (levels != null) {
            CategoricalColumn k = table.categorical(columns.get(0));
            boolean[] ok = new boolean[k.cardinality()];
            for (int c = 0; c < ok.length; c++) {
                ok[c] = levels.contains(k.levelOf(c));
            }
            for (int i = 0; i < n; i++) {
                int c = k.code(i);
                keep[i] = c >= 0 && ok[c];
            }
        } else {
            java.util.Arrays.fill(keep, true);
            for (String c : columns) {
                Column col = table.column(c);
                for (int i = 0; i < n; i++) {
                    if (col.isMissing(i)) {
                        keep[i] = false;
                    }
                }
            }
        }
        return table.filter(keep);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RowFilter[%s]", description);
    }
}
