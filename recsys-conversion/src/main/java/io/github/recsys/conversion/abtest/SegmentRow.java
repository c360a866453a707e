package io.github.recsys.conversion.abtest;

import java.util.List;

/**
 * Conversion of one segment: the segment's values of the grouping columns and its proportion.
 *
 * @param key        one value per grouping column, in the order of {@link SegmentTable#by()};
 *                    {@link SegmentAnalysis#MISSING} for a missing value
 * @param conversion converted sessions out of the segment's sessions, with a Wilson interval
 */
public record SegmentRow(List<String> key, Proportion conversion) {
    /** Copies the key. */
    public SegmentRow {
        key = List.copyOf(key);
    }
}
