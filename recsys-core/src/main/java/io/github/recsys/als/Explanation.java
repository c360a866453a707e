package io.github.recsys.als;

import java.util.Arrays;

/**
 * Why ALS recommends an item to a user (Hu, Koren and Volinsky 2008, section 5): with the user's
 * weighting matrix {@code W = (YᵀCY + λI)^-1}, the exactly solved score is
 * {@code ŷ = sum over the user's items j of s_ij * c_j}, where {@code s_ij = y_iᵀ W y_j} is the
 * similarity of the items as seen by this user and {@code c_j = 1 + alpha*r_j} the confidence. Each
 * term is one past item's contribution.
 *
 * <p>Contributions are listed largest first (ties to the lower item index); they sum to
 * {@link #score()} up to rounding. {@link #score()} is the score of the exact solve for the user's
 * items; a model trained with a few CG steps may score the pair slightly differently
 * ({@link #modelScore()}). Immutable; accessors return copies.
 */
public final class Explanation {

    private final int user;
    private final int item;
    private final double score;
    private final double modelScore;
    private final int[] items;
    private final double[] contributions;

    Explanation(int user, int item, double score, double modelScore, int[] items, double[] contributions) {
        this.user = user;
        this.item = item;
        this.score = score;
        this.modelScore = modelScore;
        this.items = items;
        this.contributions = contributions;
    }

    /** The user index (-1 for a folded-in user). */
    public int user() {
        return user;
    }

    /** The explained item. */
    public int item() {
        return item;
    }

    /** The score of the exact solve: the sum of {@link #contributions()}. */
    public double score() {
        return score;
    }

    /** The trained model's score for the pair (NaN for a folded-in user). */
    public double modelScore() {
        return modelScore;
    }

    /** Number of contributing items (the user's items). */
    public int size() {
        return items.length;
    }

    /** The user's items, largest contribution first (a copy). */
    public int[] items() {
        return items.clone();
    }

    /** Their contributions, aligned with {@link #items()} (a copy). */
    public double[] contributions() {
        return contributions.clone();
    }

    /** The item at rank {@code i}. */
    public int item(int i) {
        return items[i];
    }

    /** The contribution at rank {@code i}. */
    public double contribution(int i) {
        return contributions[i];
    }

    @Override
    public String toString() {
        int show = Math.min(5, items.length);
        return "Explanation[user=" + user + ", item=" + item + ", score=" + score + ", top="
                + Arrays.toString(Arrays.copyOf(items, show)) + "]";
    }
}
