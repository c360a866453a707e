package io.github.recsys.api;

/**
 * Produces top-N item recommendations for users identified by dense indices.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@code recommend(user, n, filter)} returns at most {@code n} distinct items that pass
 *       {@code filter} (see {@link ItemFilter}), best first, ties broken by the lower item index; when
 *       fewer than {@code n} candidates exist the list is shorter; {@code n == 0} gives an empty list;
 *       {@code n < 0} is an {@link IllegalArgumentException}.</li>
 *   <li>A null filter means {@link ItemFilter#DEFAULT} (exclude the user's seen items).</li>
 *   <li>{@code recommendAll(users, n, filter)[j]} equals {@code recommend(users[j], n, filter)}.</li>
 *   <li>Same model, same arguments: same answer, whatever the thread count.</li>
 *   <li>Implementations are immutable and safe to call from many threads at once.</li>
 * </ul>
 * Which user indices are accepted is up to the implementation (a model-backed recommender accepts
 * {@code [0, userCount())}; a fallback recommender also serves unknown users).
 */
public interface Recommender {

    /** Number of items in the catalogue; item indices are {@code [0, itemCount())}. */
    int itemCount();

    /** Top-{@code n} items for {@code user} under {@code filter} (null = {@link ItemFilter#DEFAULT}). */
    RecommendationList recommend(int user, int n, ItemFilter filter);

    /**
     * Top-{@code n} for each user, element {@code j} for {@code users[j]}. The default calls
     * {@link #recommend(int, int, ItemFilter)} in order; implementations may run in parallel but must
     * return the same lists.
     */
    default RecommendationList[] recommendAll(int[] users, int n, ItemFilter filter) {
        RecommendationList[] out = new RecommendationList[users.length];
        for (int j = 0; j < users.length; j++) {
            out[j] = recommend(users[j], n, filter);
        }
        return out;
    }
}
