package io.github.recsys.api;

/**
 * Scores every item of the catalogue for a user: the full score vector behind a {@link Recommender}'s
 * top-N, used where lists must be combined (e.g. blending two recommenders). Higher is better; scores
 * of different scorers are on different scales. Implementations are thread-safe.
 */
public interface ItemScorer {

    /** Number of items; item indices are {@code [0, itemCount())}. */
    int itemCount();

    /**
     * Writes the score of every item for {@code user}, item {@code i} at {@code out[i]}, seen items
     * included (filtering is the caller's job).
     *
     * @param out length &gt;= {@link #itemCount()}; modified
     * @throws IndexOutOfBoundsException when the scorer does not know {@code user}
     */
    void scoreAll(int user, double[] out);
}
