package io.github.recsys.conversion.data;

import java.util.List;
import java.util.Locale;

/**
 * The table after a fitted pipeline's steps, with the number of rows each row-removing step took
 * out: so nothing is dropped silently. Immutable value.
 *
 * @param table     the cleaned table (before feature assembly)
 * @param rowsIn    rows of the input table
 * @param removals  one entry per row-removing step, in order
 */
public record CleaningReport(Table table, int rowsIn, List<Removal> removals) {

    /** Copies the list. */
    public CleaningReport {
        removals = List.copyOf(removals);
    }

    /**
     * Rows removed by one step.
     *
     * @param step    the step's description, e.g. {@code RowFilter[Time_Spent > 0.0]}
     * @param removed rows it removed
     */
    public record Removal(String step, int removed) {
    }

    /** Rows removed in total. */
    public int removed() {
        return rowsIn - table.rows();
    }

    /** One line per step, e.g. {@code DropDuplicates[all columns]: removed 1,987 of 200,000 rows}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int rows = rowsIn;
        for (Removal r : removals) {
            sb.append(String.format(Locale.ROOT, "%s: removed %,d of %,d rows%n", r.step(), r.removed(), rows));
            rows -= r.removed();
        }
        sb.append(String.format(Locale.ROOT, "kept %,d of %,d rows%n", table.rows(), rowsIn));
        return sb.toString();
    }
}
