package io.github.recsys.io.csv;

import java.io.IOException;

/**
 * A CSV file that cannot be read as a table: empty, ragged, malformed quoting, or a value that does
 * not fit its column. The message starts with {@code file:line:} (line 1 is the header) and, for a
 * bad value, names the column: {@code sessions.csv:118: column 'Time_Spent': expected a number, was 'abc'}.
 */
public final class CsvTableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;

    /**
     * @param source file name (or other source name)
     * @param line   1-based physical line, or 0 when the problem concerns the whole file
     * @param column column name, or null
     * @param detail what was wrong and what was expected
     */
    public CsvTableException(String source, long line, String column, String detail) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** File or source name. */
    public String source() {
        return source;
    }

    /** 1-based line number (1 = header), or 0 when not tied to a line. */
    public long line() {
        return line;
    }

    /** The column concerned, or null. */
    public String column() {
        return column;
    }
}
