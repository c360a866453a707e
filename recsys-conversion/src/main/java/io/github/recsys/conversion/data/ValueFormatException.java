package io.github.recsys.conversion.data;

/**
 * A text value that does not fit its column's type, e.g. {@code column 'Time_Spent': expected a
 * number, was 'abc'}. Readers catch it and add the file and line.
 */
public final class ValueFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String value;
    private final ColumnType expected;

    /** A bad value in {@code column}; {@code expected} is the column's declared type. */
    public ValueFormatException(String column, ColumnType expected, String value) {
        super("column '" + column + "': expected " + describe(expected) + ", was '" + value + "'");
        this.column = column;
        this.value = value;
        this.expected = expected;
    }

    private static String describe(ColumnType t) {
        return switch (t) {
            case NUMERIC -> "a number";
            case BOOLEAN -> "a boolean (true/false, yes/no, 1/0)";
            case CATEGORICAL -> "a category";
        };
    }

    /** The column name. */
    public String column() {
        return column;
    }

    /** The offending text. */
    public String value() {
        return value;
    }

    /** The type the column was declared with. */
    public ColumnType expected() {
        return expected;
    }
}
