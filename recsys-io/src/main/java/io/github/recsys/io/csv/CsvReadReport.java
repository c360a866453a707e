package io.github.recsys.io.csv;

import io.github.recsys.conversion.data.Table;

import java.util.List;

/**
 * The outcome of reading a CSV table, with what a lenient read replaced or skipped (always 0 in strict mode).
 *
 * @param table         the table read
 * @param delimiter     the field delimiter used (given or detected)
 * @param badValues     values that did not fit their declared column type and were read as missing (lenient mode)
 * @param skippedRows   rows with the wrong number of fields that were skipped (lenient mode)
 * @param firstProblems messages of the first few replaced or skipped items, in file order (at most 10)
 */
public record CsvReadReport(Table table, char delimiter, long badValues, long skippedRows, List<String> firstProblems) {
    /** Copies the list. */
    public CsvReadReport {
        firstProblems = List.copyOf(firstProblems);
    }
}
