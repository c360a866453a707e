package io.github.recsys.conversion.data;

import java.util.Arrays;

/**
 * A column of true/false values with an explicit missing state, stored as bytes
 * ({@link #TRUE}, {@link #FALSE}, {@link #MISSING}). Immutable and thread-safe.
 */
public final class BooleanColumn extends Column {

    /** Stored code of true. */
    public static final byte TRUE = 1;
    /** Stored code of false. */
    public static final byte FALSE = 0;
    /** Stored code of a missing value. */
    public static final byte MISSING = -1;

    private final byte[] values;

    private BooleanColumn(String name, byte[] values) {
        super(name);
        this.values = values;
    }

    /** A column over a copy of {@code values}, each {@link #TRUE}, {@link #FALSE} or {@link #MISSING}. */
    public static BooleanColumn of(String name, byte[] values) {
        byte[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != TRUE && v[i] != FALSE && v[i] != MISSING) {
                throw new IllegalArgumentException("value of row " + i + " in column '" + name + "' must be 1, 0 or -1, was " + v[i]);
            }
        }
        return new BooleanColumn(name, v);
    }

    /** A column from booleans (none missing). */
    public static BooleanColumn of(String name, boolean[] values) {
        byte[] v = new byte[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] ? TRUE : FALSE;
        }
        return new BooleanColumn(name, v);
    }

    /** Takes ownership of already validated codes (package use). */
    static BooleanColumn wrap(String name, byte[] values) {
        return new BooleanColumn(name, values);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The stored code of row {@code row}: {@link #TRUE}, {@link #FALSE} or {@link #MISSING}. */
    public byte code(int row) {
        return values[row];
    }

    /** True when row {@code row} is true (false when false or missing). */
    public boolean isTrue(int row) {
        return values[row] == TRUE;
    }

    /** Row {@code row} as 1.0 / 0.0, NaN when missing. */
    public double asDouble(int row) {
        byte b = values[row];
        return b == MISSING ? Double.NaN : b;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == MISSING;
    }

    /** Number of true values. */
    public int trueCount() {
        int c = 0;
        for (byte b : values) {
            if (b == TRUE) {
                c++;
            }
        }
        return c;
    }

    @Override
    public String text(int row) {
        byte b = values[row];
        return b == MISSING ? null : (b == TRUE ? "true" : "false");
    }

    @Override
    public BooleanColumn select(int[] rows) {
        byte[] out = new byte[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return new BooleanColumn(name(), out);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BooleanColumn c && c.name().equals(name()) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name().hashCode() * 31 + Arrays.hashCode(values);
    }
}
