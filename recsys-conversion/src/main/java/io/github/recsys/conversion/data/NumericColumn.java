package io.github.recsys.conversion.data;

import java.util.Arrays;

/** A column of doubles; NaN marks a missing value. Immutable and thread-safe. */
public final class NumericColumn extends Column {

    private final double[] values;

    private NumericColumn(String name, double[] values) {
        super(name);
        this.values = values;
    }

    /** A column over a copy of {@code values} (NaN = missing). */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, values.clone());
    }

    /** A column taking ownership of {@code values} without copying; the caller must not modify the array afterwards. */
    public static NumericColumn wrap(String name, double[] values) {
        return new NumericColumn(name, java.util.Objects.requireNonNull(values, "values"));
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The value of row {@code row}; NaN when missing. */
    public double get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    /** All values (a copy). */
    public double[] toArray() {
        return values.clone();
    }

    /** Copies rows {@code [from, from+len)} into {@code dest[destPos ..]}. */
    public void copyTo(int from, double[] dest, int destPos, int len) {
        System.arraycopy(values, from, dest, destPos, len);
    }

    /** Mean of the non-missing values; NaN when all are missing. */
    public double mean() {
        double s = 0;
        long n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    @Override
    public String text(int row) {
        double v = values[row];
        return Double.isNaN(v) ? null : formatNumber(v);
    }

    /** Shortest text of a number: integral values below 1e15 without a decimal point, others as {@link Double#toString}. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return new NumericColumn(name(), out);
    }

    @Override
    public NumericColumn rename(String newName) {
        return new NumericColumn(newName, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name().equals(name()) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name().hashCode() * 31 + Arrays.hashCode(values);
    }
}
