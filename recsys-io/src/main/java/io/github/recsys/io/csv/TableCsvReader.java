package io.github.recsys.io.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.ColumnBuilder;
import io.github.recsys.conversion.data.ColumnType;
import io.github.recsys.conversion.data.Schema;
import io.github.recsys.conversion.data.Table;
import io.github.recsys.conversion.data.ValueFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a CSV file with a header line into a typed {@link Table}, streaming with Jackson's
 * {@link CsvParser} (RFC 4180: quoted fields, doubled quotes inside quotes, line breaks inside
 * quotes, CRLF or LF). The delimiter is given or detected from the header line ({@code ,},
 * {@code ;} or tab, whichever occurs most outside quotes). A UTF-8 byte-order mark is skipped;
 * blank lines are skipped (in a one-column file they are missing values); surrounding spaces of
 * values are ignored.
 *
 * <p>Column types come from the {@link Schema}: declared columns are parsed as declared, the rest
 * inferred (see {@link ColumnBuilder} for the rules and missing-value tokens).
 *
 * <p><b>Strict mode</b> (default) stops at the first problem with a {@link CsvTableException} naming
 * file, line and column: empty file, duplicate or empty header names, a schema column missing from
 * the header, an undeclared column when the schema does not infer others, a row with the wrong
 * number of fields, a value that does not fit its declared type, or broken quoting.
 * <b>Lenient mode</b> reads bad values as missing and skips ragged rows, counting both in the
 * {@link CsvReadReport}; structural problems (empty file, header, quoting) still fail.
 *
 * <p>Immutable and thread-safe; each read uses its own parser.
 *
 * <pre>{@code
 * TableCsvReader reader = TableCsvReader.builder()
 *     .schema(Schema.builder().categorical("OperatingSystems", "Browser", "Region", "TrafficType").build())
 *     .build();
 * Table shoppers = reader.read(Path.of("online_shoppers_intention.csv"));   // Revenue, Weekend: boolean
 * CsvReadReport report = TableCsvReader.builder().lenient(true).build().readWithReport(Path.of("dirty.csv"));
 * }</pre>
 */
public final class TableCsvReader {

    private static final int MAX_PROBLEMS = 10;
    private static final int SNIFF_CHARS = 1 << 16;
    private static final CsvFactory FACTORY = new CsvFactory();

    private final Schema schema;
    private final char delimiter; // 0 = detect
    private final boolean lenient;

    private TableCsvReader(Builder b) {
        this.schema = b.schema;
        this.delimiter = b.delimiter;
        this.lenient = b.lenient;
    }

    /** A builder: inferred schema, detected delimiter, strict. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a UTF-8 file. */
    public Table read(Path file) throws IOException {
        return readWithReport(file).table();
    }

    /** Reads a UTF-8 file and reports what a lenient read replaced or skipped. */
    public CsvReadReport readWithReport(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Path name = file.getFileName();
            return read(r, name == null ? file.toString() : name.toString());
        }
    }

    /**
     * Reads CSV text from {@code in} (not closed).
     *
     * @param source name used in error messages, e.g. the file name
     */
    public CsvReadReport read(Reader in, String source) throws IOException {
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in, SNIFF_CHARS);
        char sep = delimiter != 0 ? delimiter : detectDelimiter(br);
        CsvParser p = FACTORY.createParser(br);
        p.setSchema(CsvSchema.emptySchema().withColumnSeparator(sep));
        try {
            return parse(p, source, sep);
        } catch (StreamReadException e) {
            JsonLocation loc = e.getLocation();
            long line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            throw new CsvTableException(source, line, null, "malformed CSV: " + e.getOriginalMessage());
        } finally {
            p.close();
        }
    }

    private CsvReadReport parse(CsvParser p, String source, char sep) throws IOException {
        List<String> problems = new ArrayList<>();
        RowReader rows = new RowReader(p);
        int n = rows.next();
        if (n < 0 || (n == 1 && (rows.fields[0] == null || rows.fields[0].strip().isEmpty()))) {
            throw new CsvTableException(source, 0, null, "empty file, expected a header line");
        }
        String[] fields = rows.fields;
        String[] header = new String[n];
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < n; j++) {
            String h = fields[j] == null ? "" : fields[j].strip();
            if (j == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.isEmpty()) {
                throw new CsvTableException(source, 1, null, "header field " + (j + 1) + " is empty; every column needs a name");
            }
            if (!seen.add(h)) {
                throw new CsvTableException(source, 1, h, "column name '" + h + "' appears twice in the header");
            }
            header[j] = h;
        }
        for (String declared : schema.types().keySet()) {
            if (!seen.contains(declared)) {
                throw new CsvTableException(source, 1, declared, "schema declares column '" + declared
                        + "' which is not in the header " + Arrays.toString(header));
            }
        }
        ColumnBuilder[] builders = new ColumnBuilder[n];
        for (int j = 0; j < n; j++) {
            ColumnType t = schema.typeOf(header[j]);
            if (t == null && !schema.inferOthers()) {
                throw new CsvTableException(source, 1, header[j], "column '" + header[j]
                        + "' is not declared in the schema " + schema.types().keySet());
            }
            builders[j] = ColumnBuilder.of(header[j], t);
        }
        long badValues = 0;
        long skipped = 0;
        while (true) {
            int m = rows.next();
            if (m < 0) {
                break;
            }
            String[] row = rows.fields;
            long line = rows.line;
            if (m == 1 && n > 1 && (row[0] == null || row[0].isEmpty())) {
                continue; // blank line
            }
            if (m != n) {
                String msg = "expected " + n + " fields as in the header, found " + m;
                if (!lenient) {
                    throw new CsvTableException(source, line, null, msg);
                }
                skipped++;
                note(problems, source + ":" + line + ": " + msg + " (row skipped)");
                continue;
            }
            for (int j = 0; j < n; j++) {
                try {
                    builders[j].add(row[j]);
                } catch (ValueFormatException e) {
                    if (!lenient) {
                        throw new CsvTableException(source, line, header[j], e.getMessage());
                    }
                    badValues++;
                    note(problems, source + ":" + line + ": " + e.getMessage() + " (read as missing)");
                    builders[j].add(null);
                }
            }
        }
        List<Column> cols = new ArrayList<>(n);
        for (ColumnBuilder b : builders) {
            cols.add(b.build());
        }
        Table t = n == 0 ? Table.empty(0) : Table.of(cols);
        return new CsvReadReport(t, sep, badValues, skipped, problems);
    }

    /** Pulls records from the parser into a reusable field buffer; one per read call. */
    private static final class RowReader {
        private final CsvParser parser;
        String[] fields = new String[16];
        long line;

        RowReader(CsvParser parser) {
            this.parser = parser;
        }

        /** Reads the next record into {@link #fields}; returns its field count, or -1 at the end of input. */
        int next() throws IOException {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return -1;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalStateException("unexpected CSV token " + t);
            }
            int m = 0;
            line = -1;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    break;
                }
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                if (m == fields.length) {
                    fields = Arrays.copyOf(fields, m * 2);
                }
                fields[m++] = t == JsonToken.VALUE_NULL ? null : parser.getText();
            }
            return m;
        }
    }

    private static void note(List<String> problems, String msg) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(msg);
        }
    }

    /** Picks ',', ';' or tab: the most frequent outside quotes on the first line; ',' when none occurs. */
    static char detectDelimiter(BufferedReader br) throws IOException {
        br.mark(SNIFF_CHARS);
        char[] buf = new char[SNIFF_CHARS];
        int len = 0;
        int r;
        while (len < buf.length && (r = br.read(buf, len, buf.length - len)) > 0) {
            len += r;
        }
        br.reset();
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (semi > comma && semi >= tab) {
            return ';';
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return ',';
    }

    /** Builder of a {@link TableCsvReader}; not thread-safe. */
    public static final class Builder {
        private Schema schema = Schema.infer();
        private char delimiter;
        private boolean lenient;

        private Builder() {
        }

        /** Declared column types (default: infer all). */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The field delimiter: ',', ';' or '\t'; 0 (default) detects it from the header line. */
        public Builder delimiter(char delimiter) {
            if (delimiter != 0 && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw new IllegalArgumentException("delimiter must not be a quote or line break, was '" + delimiter + "'");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** Lenient mode: bad values become missing and ragged rows are skipped, both counted (default false). */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** The reader. */
        public TableCsvReader build() {
            return new TableCsvReader(this);
        }
    }
}
