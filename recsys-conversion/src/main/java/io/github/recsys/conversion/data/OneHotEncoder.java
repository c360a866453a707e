package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces categorical columns by 0/1 numeric indicator columns named {@code column=level}, one per
 * level present at fit time, placed where the original column was. A missing value gives all zeros.
 * A level not seen at fit time gives all zeros ({@link Unknown#ZERO}) or a 1 in an extra
 * {@code column=(other)} column ({@link Unknown#OTHER}). With {@code dropFirst} the first level's
 * column is left out (the reference level of a regression; then "all zeros" also means that level).
 * With no columns named, every categorical column present at fit time is encoded except
 * {@code exclude}d ones (the target). Immutable and thread-safe.
 */
public final class OneHotEncoder implements Transform {

    /** What an unseen category becomes. */
    public enum Unknown {
        /** All indicator columns 0. */
        ZERO,
        /** A 1 in an extra {@code column=(other)} column. */
        OTHER
    }

    /** Suffix level of the extra column for unseen categories. */
    public static final String OTHER_LEVEL = "(other)";

    private final List<String> columns;
    private final List<String> exclude;
    private final Unknown unknown;
    private final boolean dropFirst;

    /**
     * @param columns   categorical columns to encode; empty = every categorical column at fit time
     * @param exclude   columns never encoded when {@code columns} is empty (e.g. the target)
     * @param unknown   what an unseen level becomes
     * @param dropFirst leave out the first level's column
     */
    public OneHotEncoder(List<String> columns, List<String> exclude, Unknown unknown, boolean dropFirst) {
        this.columns = List.copyOf(columns);
        this.exclude = List.copyOf(exclude);
        this.unknown = Objects.requireNonNull(unknown, "unknown");
        this.dropFirst = dropFirst;
    }

    /** Encodes the given columns; unseen levels become all zeros; all levels kept. */
    public static OneHotEncoder of(String... columns) {
        return new OneHotEncoder(List.of(columns), List.of(), Unknown.ZERO, false);
    }

    @Override
    public FittedTransform fit(Table table) {
        List<String> names = new ArrayList<>();
        if (columns.isEmpty()) {
            for (Column c : table.columns()) {
                if (c.type() == ColumnType.CATEGORICAL && !exclude.contains(c.name())) {
                    names.add(c.name());
                }
            }
        } else {
            names.addAll(columns);
        }
        List<String[]> levels = new ArrayList<>();
        for (String name : names) {
            Column c = table.column(name);
            if (!(c instanceof CategoricalColumn k)) {
                throw new IllegalArgumentException("one-hot encoding needs a categorical column, '" + name + "' is " + c.type().label());
            }
            levels.add(k.usedLevels().toArray(new String[0]));
        }
        return new Fitted(names, levels, unknown, dropFirst);
    }

    @Override
    public String toString() {
        return "OneHotEncoder[" + (columns.isEmpty() ? "all categorical" : columns) + ", unknown " + unknown
                + (dropFirst ? ", drop first" : "") + "]";
    }

    private static final class Fitted implements FittedTransform {
        private final List<String> names;
        private final List<String[]> levels;
        private final Unknown unknown;
        private final boolean dropFirst;

        Fitted(List<String> names, List<String[]> levels, Unknown unknown, boolean dropFirst) {
            this.names = names;
            this.levels = levels;
            this.unknown = unknown;
            this.dropFirst = dropFirst;
        }

        @Override
        public Table apply(Table table) {
            List<Column> out = new ArrayList<>();
            for (String name : names) {
                table.column(name); // clear error when absent
            }
            int n = table.rows();
            for (Column c : table.columns()) {
                int idx = names.indexOf(c.name());
                if (idx < 0) {
                    out.add(c);
                    continue;
                }
                if (!(c instanceof CategoricalColumn k)) {
                    throw new IllegalArgumentException("one-hot encoding needs a categorical column, '" + c.name() + "' is " + c.type().label());
                }
                String[] lv = levels.get(idx);
                int[] codes = k.codesIn(List.of(lv), null);
                int first = dropFirst ? 1 : 0;
                double[][] ind = new double[lv.length - first][];
                for (int l = first; l < lv.length; l++) {
                    ind[l - first] = new double[n];
                }
                double[] other = unknown == Unknown.OTHER ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    int code = codes[i];
                    if (code >= first) {
                        ind[code - first][i] = 1.0;
                    } else if (code < 0 && other != null && !k.isMissing(i)) {
                        other[i] = 1.0;
                    }
                }
                for (int l = first; l < lv.length; l++) {
                    out.add(NumericColumn.wrap(c.name() + "=" + lv[l], ind[l - first]));
                }
                if (other != null) {
                    out.add(NumericColumn.wrap(c.name() + "=" + OTHER_LEVEL, other));
                }
            }
            return out.isEmpty() ? Table.empty(n) : Table.of(out);
        }

        @Override
        public String toString() {
            return "OneHotEncoder" + names;
        }
    }
}
