package io.github.recsys.rank;

/**
 * A yes/no test on an item index, asked lazily by {@link BlockedFactors#selectTopK} only for items
 * whose score could enter the top-k (so a costly check, e.g. a binary search in the user's history,
 * runs about {@code k ln(N/k)} times per request instead of N times).
 */
@FunctionalInterface
public interface ItemCheck {

    /** True when {@code item} may be recommended. */
    boolean accept(int item);
}
