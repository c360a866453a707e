package io.github.recsys.conversion.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Declared column types for reading text into a {@link Table} (CSV files, web-form rows). Columns
 * not named are inferred from their values when {@link #inferOthers()} is true (the default), else
 * rejected. Immutable value; thread-safe.
 *
 * <pre>{@code
 * Schema s = Schema.builder()
 *     .categorical("OperatingSystems", "Browser", "Region", "TrafficType")  // integer codes that are categories
 *     .bool("Revenue")
 *     .build();
 * }</pre>
 *
 * @param types       declared types by column name, in declaration order (unmodifiable)
 * @param inferOthers whether columns not in {@code types} are inferred (true) or an error (false)
 */
public record Schema(Map<String, ColumnType> types, boolean inferOthers) {

    /** Copies the map and checks it. */
    public Schema {
        Objects.requireNonNull(types, "types");
        Map<String, ColumnType> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "column name"),
                    Objects.requireNonNull(e.getValue(), "type of column '" + e.getKey() + "'"));
        }
        types = Collections.unmodifiableMap(copy);
    }

    /** Infer every column. */
    public static Schema infer() {
        return new Schema(Map.of(), true);
    }

    /** A builder: nothing declared, other columns inferred. */
    public static Builder builder() {
        return new Builder();
    }

    /** The declared type of a column, or null when it is to be inferred. */
    public ColumnType typeOf(String column) {
        return types.get(column);
    }

    /** Builder of a {@link Schema}; not thread-safe. */
    public static final class Builder {
        private final Map<String, ColumnType> types = new LinkedHashMap<>();
        private boolean inferOthers = true;

        private Builder() {
        }

        /** Declares the type of a column (a later declaration replaces an earlier one). */
        public Builder column(String name, ColumnType type) {
            types.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Declares numeric columns. */
        public Builder numeric(String... names) {
            for (String n : names) {
                column(n, ColumnType.NUMERIC);
            }
            return this;
        }

        /** Declares categorical columns (numbers in them become levels such as "1", "2"). */
        public Builder categorical(String... names) {
            for (String n : names) {
                column(n, ColumnType.CATEGORICAL);
            }
            return this;
        }

        /** Declares boolean columns (TRUE/FALSE, yes/no, 1/0 in any case). */
        public Builder bool(String... names) {
            for (String n : names) {
                column(n, ColumnType.BOOLEAN);
            }
            return this;
        }

        /** Whether undeclared columns are inferred (default true) or an error. */
        public Builder inferOthers(boolean infer) {
            this.inferOthers = infer;
            return this;
        }

        /** The schema. */
        public Schema build() {
            return new Schema(types, inferOthers);
        }
    }
}
