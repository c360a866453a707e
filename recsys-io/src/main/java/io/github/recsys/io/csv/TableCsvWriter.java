package io.github.recsys.io.csv;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.recsys.conversion.data.BooleanColumn;
import io.github.recsys.conversion.data.CategoricalColumn;
import io.github.recsys.conversion.data.Column;
import io.github.recsys.conversion.data.NumericColumn;
import io.github.recsys.conversion.data.Table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Table} as RFC 4180 CSV with a header line, through Jackson's {@link CsvGenerator}
 * (fields quoted only when they contain the delimiter, a quote or a line break). Numbers are written
 * in their shortest form (integral values without a decimal point), booleans as {@code TRUE}/{@code FALSE},
 * missing values as empty fields, so {@link TableCsvReader} reads the file back to an equal table
 * (categorical levels that look like numbers need a declared schema to stay categorical).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * TableCsvWriter.builder().build().write(table, Path.of("sessions.csv"));
 * }</pre>
 */
public final class TableCsvWriter {

    /** Strict quoting check: long plain values such as header names are not quoted needlessly. */
    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final char delimiter;

    private TableCsvWriter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** A builder (comma delimiter). */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes {@code table} to a UTF-8 file (created or truncated). */
    public void write(Table table, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(table, w);
        }
    }

    /** Writes {@code table} to {@code out}, which is flushed but not closed. */
    public void write(Table table, Writer out) throws IOException {
        CsvSchema.Builder sb = CsvSchema.builder();
        for (String name : table.columnNames()) {
            sb.addColumn(name);
        }
        CsvSchema schema = sb.build().withHeader().withColumnSeparator(delimiter).withLineSeparator("\n");
        int cols = table.columnCount();
        Column[] columns = table.columns().toArray(new Column[0]);
        try (CsvGenerator g = FACTORY.createGenerator(new NonClosingWriter(out))) {
            g.setSchema(schema);
            for (int i = 0, n = table.rows(); i < n; i++) {
                g.writeStartArray();
                for (int j = 0; j < cols; j++) {
                    Column c = columns[j];
                    if (c instanceof NumericColumn x) {
                        double v = x.get(i);
                        if (Double.isNaN(v)) {
                            g.writeString("");
                        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                            g.writeNumber((long) v);
                        } else {
                            g.writeNumber(v);
                        }
                    } else if (c instanceof CategoricalColumn k) {
                        String s = k.level(i);
                        g.writeString(s == null ? "" : s);
                    } else {
                        BooleanColumn b = (BooleanColumn) c;
                        byte v = b.code(i);
                        g.writeString(v == BooleanColumn.MISSING ? "" : v == BooleanColumn.TRUE ? "TRUE" : "FALSE");
                    }
                }
                g.writeEndArray();
            }
        }
        out.flush();
    }

    /** Keeps the generator from closing the caller's writer. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Builder of a {@link TableCsvWriter}; not thread-safe. */
    public static final class Builder {
        private char delimiter = ',';

        private Builder() {
        }

        /** Field delimiter (default ','). */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("delimiter must not be a quote or line break, was '" + delimiter + "'");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** The writer. */
        public TableCsvWriter build() {
            return new TableCsvWriter(delimiter);
        }
    }
}
