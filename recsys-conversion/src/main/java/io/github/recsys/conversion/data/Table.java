package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table of typed, named columns of equal length: {@link NumericColumn} (doubles, NaN =
 * missing), {@link CategoricalColumn} (codes + dictionary, {@code -1} = missing) and
 * {@link BooleanColumn}. Operations return new tables that share unchanged columns. Thread-safe.
 *
 * <p>Typical use:
 * <pre>{@code
 * Table sessions = TableCsvReader.builder().build().read(Path.of("sessions.csv"));   // recsys-io
 * // or: Table sessions = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(200_000).seed(7).build());
 * NumericColumn time = sessions.numeric("Time_Spent");
 * CategoricalColumn device = sessions.categorical("Device_Type");
 * TableSummary summary = sessions.summary();
 * FittedPipeline prep = Pipeline.builder().dropDuplicates().filter(RowFilter.greaterThan("Time_Spent", 0))
 *         .drop("User_ID", "Session_ID").oneHot("Gender", "Device_Type").standardize("Age", "Time_Spent")
 *         .target("Converted").build().fit(sessions);
 * FeatureMatrix x = prep.transform(sessions);
 * }</pre>
 */
public final class Table {

    private final int rows;
    private final List<Column> columns;
    private final Map<String, Integer> byName;

    private Table(int rows, List<Column> columns) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
            }
            if (m.put(c.name(), i) != null) {
                throw new IllegalArgumentException("column name '" + c.name() + "' appears twice");
            }
        }
        this.byName = m;
    }

    /** A table of the given columns, which must all have the same number of rows and distinct names. */
    public static Table of(Column... columns) {
        return of(List.of(columns));
    }

    /** A table of the given columns, which must all have the same number of rows and distinct names. */
    public static Table of(List<? extends Column> columns) {
        if (columns.isEmpty()) {
            return new Table(0, List.of());
        }
        return new Table(columns.get(0).size(), new ArrayList<>(columns));
    }

    /** A table with no columns and {@code rows} rows (the identity for {@link #withColumn}). */
    public static Table empty(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        return new Table(rows, List.of());
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** Columns in order (unmodifiable). */
    public List<Column> columns() {
        return columns;
    }

    /** Column names in order (unmodifiable). */
    public List<String> columnNames() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    /** True when a column has this name. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Position of the named column, or -1. */
    public int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    /** The column at position {@code index}. */
    public Column column(int index) {
        return columns.get(index);
    }

    /**
     * The named column.
     *
     * @throws IllegalArgumentException "unknown column 'X'; columns are [...]"
     */
    public Column column(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown column '" + name + "'; columns are " + byName.keySet());
        }
        return columns.get(i);
    }

    /** The named column, which must be numeric. */
    public NumericColumn numeric(String name) {
        return typed(name, ColumnType.NUMERIC, NumericColumn.class);
    }

    /** The named column, which must be categorical. */
    public CategoricalColumn categorical(String name) {
        return typed(name, ColumnType.CATEGORICAL, CategoricalColumn.class);
    }

    /** The named column, which must be boolean. */
    public BooleanColumn bool(String name) {
        return typed(name, ColumnType.BOOLEAN, BooleanColumn.class);
    }

    private <C extends Column> C typed(String name, ColumnType type, Class<C> cls) {
        Column c = column(name);
        if (c.type() != type) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type().label() + ", expected " + type.label());
        }
        return cls.cast(c);
    }

    /** The rows at the given indices, in that order (indices may repeat). */
    public Table selectRows(int[] rowIndices) {
        for (int r : rowIndices) {
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("row " + r + " out of range [0, " + rows + ")");
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowIndices));
        }
        return new Table(rowIndices.length, out);
    }

    /** The rows where {@code keep[row]} is true, in order; {@code keep.length} must equal {@link #rows()}. */
    public Table filter(boolean[] keep) {
        if (keep.length != rows) {
            throw new IllegalArgumentException("mask has " + keep.length + " entries, table has " + rows + " rows");
        }
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        if (n == rows) {
            return this;
        }
        int[] idx = new int[n];
        for (int i = 0, j = 0; i < rows; i++) {
            if (keep[i]) {
                idx[j++] = i;
            }
        }
        return selectRows(idx);
    }

    /** Rows {@code [from, to)}. */
    public Table slice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") out of range [0, " + rows + "]");
        }
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return selectRows(idx);
    }

    /** This table with {@code column} added at the end, or replacing the column of the same name in place. */
    public Table withColumn(Column column) {
        Objects.requireNonNull(column, "column");
        List<Column> out = new ArrayList<>(columns);
        Integer i = byName.get(column.name());
        if (i != null) {
            out.set(i, column);
        } else {
            out.add(column);
        }
        return new Table(columns.isEmpty() ? column.size() : rows, out);
    }

    /** This table without the named columns (each must exist). */
    public Table drop(String... names) {
        List<Column> out = new ArrayList<>(columns);
        for (String n : names) {
            out.remove(column(n));
        }
        return new Table(rows, out);
    }

    /** Only the named columns, in the given order (each must exist). */
    public Table selectColumns(String... names) {
        List<Column> out = new ArrayList<>(names.length);
        for (String n : names) {
            out.add(column(n));
        }
        return new Table(rows, out);
    }

    /** The rows of {@code other} appended below these; both must have the same column names and types (levels are merged). */
    public Table append(Table other) {
        if (!other.columnNames().equals(columnNames())) {
            throw new IllegalArgumentException("cannot append: columns " + other.columnNames() + " differ from " + columnNames());
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            Column a = columns.get(j);
            Column b = other.columns.get(j);
            if (a.type() != b.type()) {
                throw new IllegalArgumentException("cannot append: column '" + a.name() + "' is " + a.type().label()
                        + " here and " + b.type().label() + " in the other table");
            }
            ColumnBuilder cb = ColumnBuilder.of(a.name(), a.type());
            for (int i = 0; i < rows; i++) {
                cb.add(a.text(i));
            }
            for (int i = 0; i < other.rows; i++) {
                cb.add(b.text(i));
            }
            out.add(cb.build());
        }
        return new Table(rows + other.rows, out);
    }

    /** Per-column statistics: type, missing count, mean/min/max or the most frequent levels. */
    public TableSummary summary() {
        return TableSummary.of(this);
    }

    /**
     * The schema of this table (name and type of each column, in order), for reading further
     * files the same way.
     */
    public Schema schema() {
        Schema.Builder b = Schema.builder().inferOthers(false);
        for (Column c : columns) {
            b.column(c.name(), c.type());
        }
        return b.build();
    }

    /** True when both tables have the same columns (names, types, values, category levels) in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && t.rows == rows && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Table[" + rows + " rows; ");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            sb.append(i == 0 ? "" : ", ").append(c.name()).append(':').append(c.type().label());
        }
        return sb.append(']').toString();
    }
}
