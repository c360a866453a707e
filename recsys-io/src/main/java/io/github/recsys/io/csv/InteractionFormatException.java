package io.github.recsys.io.csv;

import java.io.IOException;

/**
 * A line of an interaction file that does not match the expected format. The message reads
 * {@code FILE:LINE: field N (NAME): expected ..., was '...'} (field numbers are 1-based); the parts
 * are also available separately. Line 0 means a problem with the file as a whole (e.g. empty).
 */
public final class InteractionFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int field;
    private final String fieldName;
    private final String problem;

    /**
     * @param source    file name or other description of the input
     * @param line      1-based line number, or 0 for the whole file
     * @param field     1-based field number, or 0 when no single field is at fault
     * @param fieldName the field's role ({@code user}, {@code item}, {@code value}, ...), or null
     * @param problem   what was expected and what was found
     */
    public InteractionFormatException(String source, long line, int field, String fieldName, String problem) {
        super(format(source, line, field, fieldName, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.fieldName = fieldName;
        this.problem = problem;
    }

    static String format(String source, long line, int field, String fieldName, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field > 0) {
            sb.append("field ").append(field);
            if (fieldName != null) {
                sb.append(" (").append(fieldName).append(')');
            }
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The input's name (usually the file path as given). */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 for a whole-file problem. */
    public long line() {
        return line;
    }

    /** The 1-based field number, or 0 when no single field is at fault. */
    public int field() {
        return field;
    }

    /** The field's role ({@code user}, {@code item}, {@code value}, {@code timestamp}, {@code event}), or null. */
    public String fieldName() {
        return fieldName;
    }

    /** What was expected and what was found, without the location prefix. */
    public String problem() {
        return problem;
    }
}
