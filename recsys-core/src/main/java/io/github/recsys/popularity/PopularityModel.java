package io.github.recsys.popularity;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.ItemScorer;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.internal.Internals;
import io.github.recsys.rank.FilterCheck;
import io.github.recsys.rank.TopKSelector;
import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.Arrays;
import java.util.Objects;

/**
 * Recommends the most popular items: the same ranking for everyone, minus each user's seen items and
 * whatever the {@link ItemFilter} removes. Source label {@value #SOURCE}.
 *
 * <p>Popularity of item i, by {@link Kind}:
 * <ul>
 *   <li>{@link Kind#COUNT}: the sum of the stored values of column i of the training matrix (the
 *       number of interactions when values are event counts);</li>
 *   <li>{@link Kind#DISTINCT_USERS}: the number of users with a stored entry for i;</li>
 *   <li>{@link Kind#TIME_DECAYED}: {@code sum over i's log entries of value * 2^(-age / halfLife)},
 *       {@code age = max(0, now - timestamp)} in the timestamps' unit;</li>
 *   <li>{@link Kind#GIVEN}: scores supplied by the caller.</li>
 * </ul>
 * Ranking: higher popularity first, ties to the lower item index; items nobody touched (popularity 0)
 * come last, so a list is only shorter than n when the filter leaves fewer than n candidates.
 *
 * <p>Users: a user index in {@code [0, userCount())} has the seen items of the history matrix; any
 * other index (for instance -1) is an unknown user with no seen items, who gets the plain ranking. So
 * this recommender never fails for a cold user. Immutable and thread-safe.
 */
public final class PopularityModel implements Recommender, ItemScorer {

    /** The {@link RecommendationList#source()} of this recommender's lists. */
    public static final String SOURCE = "popularity";

    /** How popularity is measured. */
    public enum Kind {
        /** Sum of stored values per item. */
        COUNT,
        /** Number of distinct users per item. */
        DISTINCT_USERS,
        /** Sum of values decayed by age with a half-life. */
        TIME_DECAYED,
        /** Scores given by the caller. */
        GIVEN
    }

    private final Kind kind;
    private final double[] scores;
    private final int[] ranking;      // items, best first
    private final int users;
    private final int[] rowPtr;       // history CSR (may be empty)
    private final int[] colIdx;

    private PopularityModel(Kind kind, double[] scores, InteractionMatrix history) {
        this.kind = kind;
        this.scores = scores;
        this.ranking = rank(scores);
        if (history != null) {
            if (history.cols() != scores.length) {
                throw new IllegalArgumentException("history has " + history.cols() + " items, scores have "
                        + scores.length);
            }
            Internals.MatrixAccess acc = Internals.matrix();
            this.users = history.rows();
            this.rowPtr = acc.rowPtr(history);
            this.colIdx = acc.colIdx(history);
        } else {
            this.users = 0;
            this.rowPtr = new int[1];
            this.colIdx = new int[0];
        }
    }

    /** Popularity = sum of stored values per item of {@code train}, which is also the seen-item history. */
    public static PopularityModel count(InteractionMatrix train) {
        Objects.requireNonNull(train, "train");
        double[] s = new double[train.cols()];
        int[] rp = Internals.matrix().rowPtr(train);
        int[] ci = Internals.matrix().colIdx(train);
        float[] v = Internals.matrix().rowValues(train);
        for (int p = 0; p < rp[train.rows()]; p++) {
            s[ci[p]] += v[p];
        }
        return new PopularityModel(Kind.COUNT, s, train);
    }

    /** Popularity = number of distinct users per item of {@code train}, which is also the history. */
    public static PopularityModel distinctUsers(InteractionMatrix train) {
        Objects.requireNonNull(train, "train");
        double[] s = new double[train.cols()];
        int[] cp = Internals.matrix().colPtr(train);
        for (int i = 0; i < s.length; i++) {
            s[i] = cp[i + 1] - cp[i];
        }
        return new PopularityModel(Kind.DISTINCT_USERS, s, train);
    }

    /**
     * Time-decayed popularity from a log with timestamps; the history is {@code log.toMatrix()}.
     *
     * @param now      the reference time, in the log's timestamp unit
     * @param halfLife age at which an entry counts half, same unit, finite and &gt; 0
     * @throws IllegalArgumentException when the log has no timestamps or halfLife is invalid
     */
    public static PopularityModel timeDecayed(InteractionLog log, long now, double halfLife) {
        Objects.requireNonNull(log, "log");
        if (!log.hasTimestamps()) {
            throw new IllegalArgumentException("time-decayed popularity needs timestamps; the log has none");
        }
        return timeDecayed(log.itemIndex().size(), log.items(), log.timestamps(), log.values(), now, halfLife,
                log.toMatrix());
    }

    /**
     * Time-decayed popularity from raw arrays.
     *
     * @param itemCount  catalogue size
     * @param items      item index of each entry, in {@code [0, itemCount)}; not modified
     * @param timestamps time of each entry (same length as items); not modified
     * @param values     weight of each entry (finite, &gt;= 0), or null for 1 each; not modified
     * @param now        reference time, same unit as the timestamps
     * @param halfLife   half-life, same unit, finite and &gt; 0
     * @param history    seen items per user (itemCount columns), or null for none
     * @throws IllegalArgumentException naming the entry for a bad index or value
     */
    public static PopularityModel timeDecayed(int itemCount, int[] items, long[] timestamps, float[] values,
                                              long now, double halfLife, InteractionMatrix history) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(timestamps, "timestamps");
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("halfLife must be finite and > 0, was " + halfLife);
        }
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must be >= 0, was " + itemCount);
        }
        if (timestamps.length != items.length || (values != null && values.length != items.length)) {
            throw new IllegalArgumentException("items has " + items.length + " entries, timestamps "
                    + timestamps.length + (values == null ? "" : ", values " + values.length));
        }
        double[] s = new double[itemCount];
        for (int t = 0; t < items.length; t++) {
            int i = items[t];
            if (i < 0 || i >= itemCount) {
                throw new IllegalArgumentException("entry " + t + ": item " + i + " out of range [0, " + itemCount + ")");
            }
            double v = values == null ? 1.0 : values[t];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("entry " + t + ": value " + v + " must be finite and >= 0");
            }
            double age = Math.max(0.0, (double) now - (double) timestamps[t]);
            s[i] += v * Math.pow(2.0, -age / halfLife);
        }
        return new PopularityModel(Kind.TIME_DECAYED, s, history);
    }

    /**
     * Popularity scores given by the caller (copied), e.g. from an external source.
     *
     * @param scores  one finite score per item
     * @param history seen items per user ({@code scores.length} columns), or null for none
     */
    public static PopularityModel ofScores(double[] scores, InteractionMatrix history) {
        double[] s = scores.clone();
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("score of item " + i + " must be finite, was " + s[i]);
            }
            s[i] += 0.0; // -0.0 becomes 0.0, so equal scores compare equal in the ranking

        }
        return new PopularityModel(Kind.GIVEN, s, history);
    }

    private static int[] rank(double[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        IntArrays.mergeSort(r, (a, b) -> {
            int c = Double.compare(s[b], s[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return r;
    }

    /** How popularity was measured. */
    public Kind kind() {
        return kind;
    }

    @Override
    public int itemCount() {
        return scores.length;
    }

    /** Number of users with a history; other user indices are treated as unknown. */
    public int userCount() {
        return users;
    }

    /** Popularity of {@code item}. */
    public double score(int item) {
        if (item < 0 || item >= scores.length) {
            throw new IndexOutOfBoundsException("item index " + item + " out of range [0, " + scores.length + ")");
        }
        return scores[item];
    }

    /** All popularity scores, indexed by item (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** All items, most popular first (ties to the lower index; a copy). */
    public int[] ranking() {
        return ranking.clone();
    }

    /** Writes the popularity of every item (the same for every user, known or not). */
    @Override
    public void scoreAll(int user, double[] out) {
        if (out.length < scores.length) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + scores.length);
        }
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    /**
     * The most popular items that pass {@code filter}; seen items are those of {@code user}'s history
     * when {@code user} is in {@code [0, userCount())}, none otherwise. O(n + skipped items).
     */
    @Override
    public RecommendationList recommend(int user, int n, ItemFilter filter) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        ItemFilter f = filter == null ? ItemFilter.DEFAULT : filter;
        boolean known = user >= 0 && user < users;
        FilterCheck check = new FilterCheck().reset(f, colIdx, known ? rowPtr[user] : 0, known ? rowPtr[user + 1] : 0);
        if (n == 0) {
            return RecommendationList.wrap(new int[0], new double[0], SOURCE);
        }
        if (f.hasAllowList()) {
            int[] allowed = f.allowList();
            if (allowed.length < scores.length / 8) {
                TopKSelector sel = new TopKSelector(n);
                for (int item : allowed) {
                    if (item >= 0 && item < scores.length && (check == null || check.accept(item))) {
                        sel.offer(item, scores[item]);
                    }
                }
                return sel.drainToList(SOURCE);
            }
        }
        int cap = Math.min(n, scores.length);
        int[] items = new int[cap];
        double[] out = new double[cap];
        int w = 0;
        for (int r = 0; r < ranking.length && w < cap; r++) {
            int item = ranking[r];
            if (check == null || check.accept(item)) {
                items[w] = item;
                out[w] = scores[item];
                w++;
            }
        }
        if (w < cap) {
            items = Arrays.copyOf(items, w);
            out = Arrays.copyOf(out, w);
        }
        return RecommendationList.wrap(items, out, SOURCE);
    }

    @Override
    public String toString() {
        return "PopularityModel[" + kind + ", items=" + scores.length + ", users=" + users + "]";
    }
}
