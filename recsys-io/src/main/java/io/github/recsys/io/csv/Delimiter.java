package io.github.recsys.io.csv;

import java.util.Locale;

/** How fields are separated on a line. */
public enum Delimiter {
    /** Detect from the first non-blank line: {@code ::}, else tab, else comma, else semicolon, else pipe, else whitespace. */
    AUTO,
    /** One tab between fields. */
    TAB,
    /** One comma between fields; a field may be double-quoted ({@code ""} inside quotes is a quote). */
    COMMA,
    /** One semicolon between fields. */
    SEMICOLON,
    /** One vertical bar between fields. */
    PIPE,
    /** Runs of spaces and tabs between fields; leading and trailing blanks ignored. */
    WHITESPACE,
    /** The two characters {@code ::} between fields (MovieLens {@code .dat} files). */
    DOUBLE_COLON;

    /**
     * Parses a delimiter or format name: {@code auto}; {@code tsv}/{@code tab}; {@code csv}/{@code comma};
     * {@code semicolon}; {@code pipe}; {@code whitespace}/{@code space}; {@code dat}/{@code ::}/{@code double-colon}.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static Delimiter parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto": return AUTO;
            case "tsv": case "tab": case "\t": return TAB;
            case "csv": case "comma": case ",": return COMMA;
            case "semicolon": case ";": return SEMICOLON;
            case "pipe": case "|": return PIPE;
            case "whitespace": case "space": case "ws": return WHITESPACE;
            case "dat": case "::": case "double-colon": case "double_colon": return DOUBLE_COLON;
            default:
                throw new IllegalArgumentException("unknown format '" + name
                        + "', expected auto, tsv, csv, dat, semicolon, pipe or whitespace");
        }
    }

    /** The single separator byte, or -1 for {@link #AUTO}, {@link #WHITESPACE} and {@link #DOUBLE_COLON}. */
    int singleByte() {
        switch (this) {
            case TAB: return '\t';
            case COMMA: return ',';
            case SEMICOLON: return ';';
            case PIPE: return '|';
            default: return -1;
        }
    }
}
