package io.github.recsys.conversion.data;

/** The storage and meaning of a {@link Table} column. */
public enum ColumnType {
    /** Doubles; NaN marks a missing value. See {@link NumericColumn}. */
    NUMERIC,
    /** Integer codes into a dictionary of level strings; {@link CategoricalColumn#MISSING} marks a missing value. */
    CATEGORICAL,
    /** True/false (for example a label); a separate missing state. See {@link BooleanColumn}. */
    BOOLEAN;

    /** Lower-case name used in messages ("numeric", "categorical", "boolean"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
