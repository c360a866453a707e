package io.github.recsys.conversion.data;

/**
 * A preprocessing step with frozen parameters: applies the same way to any table with the columns
 * it was fitted on, including a one-row table built from a single web-form session. Immutable and
 * thread-safe.
 */
public interface FittedTransform {

    /** The transformed table; {@code table} is not modified. */
    Table apply(Table table);

    /**
     * True for steps that remove rows (row filters, de-duplication): they clean training and
     * evaluation tables but are skipped when scoring a single session, which must always get a
     * feature row.
     */
    default boolean removesRows() {
        return false;
    }
}
