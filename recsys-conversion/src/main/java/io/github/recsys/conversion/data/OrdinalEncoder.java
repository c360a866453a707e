package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces a categorical column by a numeric column of level positions {@code 0 .. k-1}: in a given
 * order (e.g. "low", "medium", "high") or, by default, the column's level order at fit time.
 * Missing values stay missing (NaN); levels not known at fit time become {@link #UNKNOWN} (-1).
 * Immutable and thread-safe.
 */
public final class OrdinalEncoder implements Transform {

    /** The value of a level unseen at fit time. */
    public static final double UNKNOWN = -1.0;

    private final String column;
    private final List<String> order;

    /**
     * @param column categorical column
     * @param order  levels in rank order; empty = the levels present at fit time in code order
     */
    public OrdinalEncoder(String column, List<String> order) {
        this.column = Objects.requireNonNull(column, "column");
        this.order = List.copyOf(order);
    }

    @Override
    public FittedTransform fit(Table table) {
        CategoricalColumn k = table.categorical(column);
        List<String> lv = order.isEmpty() ? k.usedLevels() : order;
        if (!order.isEmpty()) {
            List<String> missing = new ArrayList<>(k.usedLevels());
            missing.removeAll(order);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("ordinal order for '" + column + "' lacks levels " + missing + " present in the data");
            }
        }
        List<String> frozen = List.copyOf(lv);
        return new FittedTransform() {
            @Override
            public Table apply(Table t) {
                CategoricalColumn c = t.categorical(column);
                int[] codes = c.codesIn(frozen, null);
                double[] v = new double[codes.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = codes[i] >= 0 ? codes[i] : c.isMissing(i) ? Double.NaN : UNKNOWN;
                }
                return t.withColumn(NumericColumn.wrap(column, v));
            }

            @Override
            public String toString() {
                return "OrdinalEncoder[" + column + " " + frozen + "]";
            }
        };
    }
}
