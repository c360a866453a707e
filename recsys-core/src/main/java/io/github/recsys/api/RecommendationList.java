package io.github.recsys.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable top-N answer: item indices with their scores, best first.
 *
 * <p>Contract: {@code scores} are non-increasing; equal scores are ordered by increasing item index;
 * items are distinct. The list may be shorter than the requested n (fewer candidates), never longer.
 * {@link #source()} names what produced the list ({@code "als"}, {@code "popularity"}, ...).
 * Accessors return copies; instances are safe to share between threads.
 */
public final class RecommendationList {

    private static final RecommendationList EMPTY = new RecommendationList(new int[0], new double[0], "none");

    private final int[] items;
    private final double[] scores;
    private final String source;

    private RecommendationList(int[] items, double[] scores, String source) {
        this.items = items;
        this.scores = scores;
        this.source = source;
    }

    /**
     * A list from parallel arrays (copied), which must already be in contract order.
     *
     * @throws IllegalArgumentException when lengths differ or the order is violated
     */
    public static RecommendationList of(int[] items, double[] scores, String source) {
        Objects.requireNonNull(source, "source");
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items has " + items.length + " entries, scores has " + scores.length);
        }
        for (int i = 1; i < items.length; i++) {
            if (scores[i] > scores[i - 1] || (scores[i] == scores[i - 1] && items[i] <= items[i - 1])) {
                throw new IllegalArgumentException("entries " + (i - 1) + " and " + i + " out of order: ("
                        + items[i - 1] + ", " + scores[i - 1] + ") then (" + items[i] + ", " + scores[i] + ")");
            }
        }
        return new RecommendationList(items.clone(), scores.clone(), source);
    }

    /**
     * Wraps arrays the caller hands over and will never touch again, skipping the order check; for
     * producers inside recsys that guarantee the contract.
     */
    public static RecommendationList wrap(int[] items, double[] scores, String source) {
        return new RecommendationList(items, scores, source);
    }

    /** The empty list. */
    public static RecommendationList empty() {
        return EMPTY;
    }

    /** Number of entries. */
    public int size() {
        return items.length;
    }

    /** Item index at rank {@code i} (0 = best). */
    public int item(int i) {
        return items[i];
    }

    /** Score at rank {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    /** Item indices, best first (a copy). */
    public int[] items() {
        return items.clone();
    }

    /** Scores, aligned with {@link #items()} (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** What produced this list, e.g. {@code "als"} or {@code "popularity"}. */
    public String source() {
        return source;
    }

    /** A copy of this list with another source label. */
    public RecommendationList withSource(String newSource) {
        return new RecommendationList(items, scores, Objects.requireNonNull(newSource, "source"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationList other && Arrays.equals(items, other.items)
                && Arrays.equals(scores, other.scores) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(items), Arrays.hashCode(scores), source);
    }

    @Override
    public String toString() {
        return "RecommendationList[" + source + ", items=" + Arrays.toString(items) + ", scores=" + Arrays.toString(scores) + "]";
    }
}
