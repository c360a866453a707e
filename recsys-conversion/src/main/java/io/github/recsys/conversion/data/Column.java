package io.github.recsys.conversion.data;

import java.util.Objects;

/**
 * One immutable, named column of a {@link Table}: {@link NumericColumn}, {@link CategoricalColumn}
 * or {@link BooleanColumn}. Rows are indexed {@code 0 .. size()-1}. Thread-safe.
 */
public abstract sealed class Column permits NumericColumn, CategoricalColumn, BooleanColumn {

    private final String name;

    Column(String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
    }

    /** The column name. */
    public final String name() {
        return name;
    }

    /** The column type. */
    public abstract ColumnType type();

    /** Number of rows. */
    public abstract int size();

    /** True when row {@code row} holds no value. */
    public abstract boolean isMissing(int row);

    /** Number of missing values. */
    public int missingCount() {
        int m = 0;
        for (int i = 0, n = size(); i < n; i++) {
            if (isMissing(i)) {
                m++;
            }
        }
        return m;
    }

    /**
     * The value of row {@code row} as text: numbers in their shortest form (integers without a
     * decimal point), categories as their level, booleans as {@code true}/{@code false}; null when missing.
     */
    public abstract String text(int row);

    /** A column with the rows at the given indices, in that order (indices may repeat). */
    public abstract Column select(int[] rows);

    /** The same values under another name. */
    public abstract Column rename(String newName);

    /** Throws an {@link IndexOutOfBoundsException} naming the column when {@code row} is out of range. */
    final void checkRow(int row) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " out of range [0, " + size() + ") in column '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return type().label() + " column '" + name + "' (" + size() + " rows)";
    }
}
