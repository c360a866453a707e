package io.github.recsys.popularity;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.ItemScorer;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.internal.Internals;
import io.github.recsys.rank.FilterCheck;
import io.github.recsys.rank.TopKSelector;

import java.util.Arrays;
import java.util.Objects;

/**
 * Serves every user, known or not: a personalized primary recommender (e.g. ALS) for users with at
 * least {@link #minInteractions()} stored entries in the training matrix, a {@link PopularityModel}
 * for everyone else. Each answer's {@link RecommendationList#source()} says which produced it: the
 * primary's own label (e.g. {@code "als"}), {@value PopularityModel#SOURCE}, or {@value #BLEND}.
 *
 * <p>Users: an index in {@code [0, train.rows())} with {@code train.rowLength(user) >= minInteractions}
 * goes to the primary; a known user with fewer entries ("thin") and any other index (-1,
 * {@code >= train.rows()}: "unknown") gets the popularity list, minus the user's seen items when
 * known. {@link #recommend(String, int, ItemFilter)} takes an external user id and maps it through
 * the training matrix's user {@link io.github.recsys.data.IdIndex}; an id not in it is unknown. Cold
 * users therefore always get a list of {@code min(n, candidates)} items, never an error.
 *
 * <p>Blend (optional, {@link Builder#blendWeight(double)} = w &lt; 1): for primary users the score of
 * item i becomes {@code w * p'(i) + (1 - w) * q'(i)}, where p' and q' are the primary's and the
 * popularity's scores min-max scaled so that the user's unseen items span [0, 1] (seen items may fall
 * outside; a constant vector scales to 0). The scaling does not depend on the request's filter, so a
 * filter only removes candidates. The primary must then implement {@link ItemScorer}. The lists are labelled
 * {@value #BLEND}.
 *
 * <p>Immutable and thread-safe when the primary is.
 */
public final class FallbackRecommender implements Recommender {

    /** Source label of blended lists. */
    public static final String BLEND = "blend";

    private final Recommender primary;
    private final PopularityModel popularity;
    private final InteractionMatrix train;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final int minInteractions;
    private final double blendWeight;

    private FallbackRecommender(Builder b) {
        this.primary = Objects.requireNonNull(b.primary, "primary");
        this.popularity = Objects.requireNonNull(b.popularity, "popularity");
        this.train = Objects.requireNonNull(b.train, "train");
        if (b.minInteractions < 0) {
            throw new IllegalArgumentException("minInteractions must be >= 0, was " + b.minInteractions);
        }
        if (!(b.blendWeight >= 0 && b.blendWeight <= 1)) {
            throw new IllegalArgumentException("blendWeight must be in [0, 1], was " + b.blendWeight);
        }
        if (primary.itemCount() != popularity.itemCount() || train.cols() != primary.itemCount()) {
            throw new IllegalArgumentException("item counts differ: primary " + primary.itemCount() + ", popularity "
                    + popularity.itemCount() + ", train " + train.cols());
        }
        if (b.blendWeight < 1 && !(primary instanceof ItemScorer)) {
            throw new IllegalArgumentException("blendWeight " + b.blendWeight + " < 1 needs a primary that implements "
                    + "ItemScorer; " + primary.getClass().getName() + " does not");
        }
        this.minInteractions = b.minInteractions;
        this.blendWeight = b.blendWeight;
        this.rowPtr = Internals.matrix().rowPtr(train);
        this.colIdx = Internals.matrix().colIdx(train);
    }

    /**
     * A builder.
     *
     * @param primary    the personalized recommender, answering for user indices {@code [0, train.rows())}
     * @param popularity the fallback
     * @param train      the training matrix: history of known users and their external ids
     */
    public static Builder builder(Recommender primary, PopularityModel popularity, InteractionMatrix train) {
        return new Builder(primary, popularity, train);
    }

    @Override
    public int itemCount() {
        return primary.itemCount();
    }

    /** Users with fewer stored entries than this get the popularity list. */
    public int minInteractions() {
        return minInteractions;
    }

    /** Weight of the primary in a blend; 1 = no blend. */
    public double blendWeight() {
        return blendWeight;
    }

    /** True when {@code user} is answered by the primary (or the blend), false for popularity. */
    public boolean isPersonalized(int user) {
        return user >= 0 && user < train.rows() && rowPtr[user + 1] - rowPtr[user] >= Math.max(1, minInteractions);
    }

    /**
     * Top-n for a user index; any int is accepted (see the class comment).
     *
     * @throws IllegalArgumentException when n &lt; 0
     */
    @Override
    public RecommendationList recommend(int user, int n, ItemFilter filter) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (!isPersonalized(user)) {
            return popularity.recommend(user, n, filter);
        }
        if (blendWeight >= 1) {
            return primary.recommend(user, n, filter);
        }
        return blend(user, n, filter == null ? ItemFilter.DEFAULT : filter);
    }

    /** Top-n for an external user id; an id unknown to the training matrix gets the popularity list. */
    public RecommendationList recommend(String userId, int n, ItemFilter filter) {
        Objects.requireNonNull(userId, "userId");
        return recommend(train.userIndex().indexOf(userId), n, filter);
    }

    /**
     * Element j for {@code users[j]}: primary users go through the primary's (possibly parallel)
     * {@link Recommender#recommendAll}, the rest through popularity; equal to single calls.
     */
    @Override
    public RecommendationList[] recommendAll(int[] users, int n, ItemFilter filter) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        RecommendationList[] out = new RecommendationList[users.length];
        if (blendWeight < 1) {
            for (int j = 0; j < users.length; j++) {
                out[j] = recommend(users[j], n, filter);
            }
            return out;
        }
        int count = 0;
        for (int u : users) {
            if (isPersonalized(u)) {
                count++;
            }
        }
        int[] personal = new int[count];
        int w = 0;
        for (int j = 0; j < users.length; j++) {
            if (isPersonalized(users[j])) {
                personal[w++] = users[j];
            } else {
                out[j] = popularity.recommend(users[j], n, filter);
            }
        }
        RecommendationList[] p = primary.recommendAll(personal, n, filter);
        w = 0;
        for (int j = 0; j < users.length; j++) {
            if (out[j] == null) {
                out[j] = p[w++];
            }
        }
        return out;
    }

    private RecommendationList blend(int user, int n, ItemFilter filter) {
        int items = itemCount();
        double[] p = new double[items];
        double[] q = new double[items];
        ((ItemScorer) primary).scoreAll(user, p);
        popularity.scoreAll(user, q);
        // Normalize over the user's unseen items (independent of the request's filter, so that a filter
        // only removes candidates and never reorders them).
        boolean[] unseen = new boolean[items];
        Arrays.fill(unseen, true);
        for (int t = rowPtr[user]; t < rowPtr[user + 1]; t++) {
            unseen[colIdx[t]] = false;
        }
        normalize(p, unseen);
        normalize(q, unseen);
        FilterCheck check = new FilterCheck().reset(filter, colIdx, rowPtr[user], rowPtr[user + 1]);
        double w = blendWeight;
        TopKSelector sel = new TopKSelector(n);
        for (int i = 0; i < items; i++) {
            double s = w * p[i] + (1 - w) * q[i];
            if (s >= sel.threshold() && (check == null || check.accept(i))) {
                sel.offer(i, s);
            }
        }
        return sel.drainToList(BLEND);
    }

    /** Min-max scaling in place, min and max taken over the marked entries; a constant vector becomes all zeros. */
    private static void normalize(double[] s, boolean[] marked) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            if (marked[i]) {
                min = Math.min(min, s[i]);
                max = Math.max(max, s[i]);
            }
        }
        double range = max - min;
        for (int i = 0; i < s.length; i++) {
            s[i] = range > 0 ? (s[i] - min) / range : 0.0;
        }
    }

    @Override
    public String toString() {
        return "FallbackRecommender[minInteractions=" + minInteractions + ", blendWeight=" + blendWeight + "]";
    }

    /** Builder for {@link FallbackRecommender}; not thread-safe. */
    public static final class Builder {
        private final Recommender primary;
        private final PopularityModel popularity;
        private final InteractionMatrix train;
        private int minInteractions = 1;
        private double blendWeight = 1.0;

        private Builder(Recommender primary, PopularityModel popularity, InteractionMatrix train) {
            this.primary = primary;
            this.popularity = popularity;
            this.train = train;
        }

        /**
         * Users need at least this many stored entries to get the primary (default 1: any history);
         * 0 behaves as 1 (a user without history always gets popularity).
         */
        public Builder minInteractions(int m) {
            this.minInteractions = m;
            return this;
        }

        /** Weight w of the primary's normalized scores, in [0, 1]; 1 (the default) disables blending. */
        public Builder blendWeight(double w) {
            this.blendWeight = w;
            return this;
        }

        /** The validated recommender. */
        public FallbackRecommender build() {
            return new FallbackRecommender(this);
        }
    }
}
