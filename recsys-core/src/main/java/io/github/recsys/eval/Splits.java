package io.github.recsys.eval;

import io.github.recsys.data.InteractionLog;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded train / test splits of an {@link InteractionLog}.
 *
 * <p>The random and leave-k-out splits work on distinct (user, item) <em>pairs</em>: all entries of a
 * held-out pair (e.g. several events on one item) go to the test log together, so a test item never
 * also appears in the same user's training data. Every split keeps at least one training pair for
 * each user that has any, and keeps the entries of each side in their original log order.
 * Same log + same arguments (seed included) give the same split. Methods are stateless and
 * thread-safe.
 */
public final class Splits {

    private Splits() {
    }

    /** How {@link #leaveKOut(InteractionLog, int, LeaveOut, long)} picks the held-out pairs. */
    public enum LeaveOut {
        /** The k pairs with the latest timestamps (a pair's time is its latest entry's; ties: later log position). */
        LATEST,
        /** k pairs chosen uniformly at random (seeded). */
        RANDOM
    }

    /**
     * Per-user random holdout. For each user with {@code n} distinct items, {@code h = min(round(fraction * n), n - 1)}
     * of them (rounding half up) are chosen uniformly at random and all their entries go to the test log;
     * a user with {@code h = 0} (for fraction 0.2: fewer than 3 items) stays wholly in train. Users are
     * visited in index order with one {@link SplittableRandom} seeded by {@code seed}.
     *
     * @param fraction share of each user's distinct items to hold out, in (0, 1)
     */
    public static Split perUserHoldout(InteractionLog log, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), was " + fraction);
        }
        Grouped g = Grouped.of(log);
        boolean[] test = new boolean[log.size()];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] pairs = new int[16];
        for (int u = 0; u < g.userCount; u++) {
            int np = g.pairPtr[u + 1] - g.pairPtr[u];
            int h = (int) Math.min(Math.round(fraction * np), np - 1L);
            if (h <= 0) {
                continue;
            }
            if (pairs.length < np) {
                pairs = new int[Math.max(np, 2 * pairs.length)];
            }
            for (int j = 0; j < np; j++) {
                pairs[j] = g.pairPtr[u] + j;
            }
            // partial Fisher-Yates: the first h slots become a uniform random h-subset
            for (int j = 0; j < h; j++) {
                int r = j + rnd.nextInt(np - j);
                int tmp = pairs[j];
                pairs[j] = pairs[r];
                pairs[r] = tmp;
                g.markPair(pairs[j], test);
            }
        }
        return g.split(log, test);
    }

    /**
     * Leave-k-out: for each user with more than {@code k} distinct items, {@code k} pairs go to the
     * test log ({@link LeaveOut#LATEST} needs timestamps); users with at most {@code k} items stay in train.
     *
     * @param k    pairs to hold out per user, {@code >= 1}
     * @param seed used by {@link LeaveOut#RANDOM} only
     */
    public static Split leaveKOut(InteractionLog log, int k, LeaveOut mode, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (mode == LeaveOut.LATEST && !log.hasTimestamps()) {
            throw new IllegalArgumentException("leave-k-out LATEST needs timestamps; this log has none");
        }
        Grouped g = Grouped.of(log);
        boolean[] test = new boolean[log.size()];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] pairs = new int[16];
        long[] pairTime = mode == LeaveOut.LATEST ? g.pairLatest(log) : null;
        for (int u = 0; u < g.userCount; u++) {
            int from = g.pairPtr[u];
            int np = g.pairPtr[u + 1] - from;
            if (np <= k) {
                continue;
            }
            if (pairs.length < np) {
                pairs = new int[Math.max(np, 2 * pairs.length)];
            }
            for (int j = 0; j < np; j++) {
                pairs[j] = from + j;
            }
            for (int j = 0; j < k; j++) {
                int pick;
                if (mode == LeaveOut.RANDOM) {
                    pick = j + rnd.nextInt(np - j);
                } else {
                    pick = j;
                    for (int r = j + 1; r < np; r++) {
                        if (later(g, pairTime, pairs[r], pairs[pick])) {
                            pick = r;
                        }
                    }
                }
                int tmp = pairs[j];
                pairs[j] = pairs[pick];
                pairs[pick] = tmp;
                g.markPair(pairs[j], test);
            }
        }
        return g.split(log, test);
    }

    private static boolean later(Grouped g, long[] pairTime, int a, int b) {
        if (pairTime[a] != pairTime[b]) {
            return pairTime[a] > pairTime[b];
        }
        return g.pairLastEntry(a) > g.pairLastEntry(b);
    }

    /**
     * Global temporal split: entries with {@code timestamp < cutoff} train, the others test. Test
     * entries whose (user, item) pair also occurs in train are dropped (a recommender that excludes
     * seen items could never retrieve them), as are test entries of users without any train entry.
     */
    public static Split temporal(InteractionLog log, long cutoff) {
        if (!log.hasTimestamps()) {
            throw new IllegalArgumentException("a temporal split needs timestamps; this log has none");
        }
        Grouped g = Grouped.of(log);
        int n = log.size();
        boolean[] test = new boolean[n];
        boolean[] drop = new boolean[n];
        boolean[] userHasTrain = new boolean[log.userCount()];
        for (int t = 0; t < n; t++) {
            if (log.timestamp(t) >= cutoff) {
                test[t] = true;
            } else {
                userHasTrain[log.user(t)] = true;
            }
        }
        for (int p = 0; p < g.pairCount(); p++) {
            boolean anyTrain = false;
            for (int e = g.entryPtr[p]; e < g.entryPtr[p + 1]; e++) {
                anyTrain |= !test[g.order[e]];
            }
            for (int e = g.entryPtr[p]; e < g.entryPtr[p + 1]; e++) {
                int t = g.order[e];
                if (test[t] && (anyTrain || !userHasTrain[log.user(t)])) {
                    drop[t] = true;
                }
            }
        }
        int nTrain = 0;
        int nTest = 0;
        for (int t = 0; t < n; t++) {
            if (!test[t]) {
                nTrain++;
            } else if (!drop[t]) {
                nTest++;
            }
        }
        int[] tr = new int[nTrain];
        int[] te = new int[nTest];
        nTrain = 0;
        nTest = 0;
        for (int t = 0; t < n; t++) {
            if (!test[t]) {
                tr[nTrain++] = t;
            } else if (!drop[t]) {
                te[nTest++] = t;
            }
        }
        return new Split(log.select(tr), log.select(te));
    }

    /**
     * Global temporal split at the time below which {@code 1 - testFraction} of the entries lie: the
     * cutoff is the timestamp at position {@code floor((1 - testFraction) * size)} of the sorted
     * timestamps; then as {@link #temporal(InteractionLog, long)}.
     */
    public static Split temporalFraction(InteractionLog log, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), was " + testFraction);
        }
        if (!log.hasTimestamps()) {
            throw new IllegalArgumentException("a temporal split needs timestamps; this log has none");
        }
        if (log.size() == 0) {
            throw new IllegalArgumentException("cannot split an empty log");
        }
        long[] ts = log.timestamps();
        Arrays.sort(ts);
        int pos = (int) Math.min(ts.length - 1, (long) Math.floor((1 - testFraction) * ts.length));
        return temporal(log, ts[pos]);
    }

    /** Entries grouped by user, then by item (distinct pairs), each group in log order. */
    private static final class Grouped {
        final int userCount;
        final int[] order;    // entry positions grouped by (user, item)
        final int[] entryPtr; // pair p covers order[entryPtr[p] .. entryPtr[p+1])
        final int[] pairPtr;  // user u covers pairs pairPtr[u] .. pairPtr[u+1]

        private Grouped(int userCount, int[] order, int[] entryPtr, int[] pairPtr) {
            this.userCount = userCount;
            this.order = order;
            this.entryPtr = entryPtr;
            this.pairPtr = pairPtr;
        }

        static Grouped of(InteractionLog log) {
            int n = log.size();
            int nu = log.userCount();
            int ni = log.itemCount();
            // stable counting sort by item, then stable counting sort by user
            int[] itemStart = new int[ni + 1];
            for (int t = 0; t < n; t++) {
                itemStart[log.item(t) + 1]++;
            }
            for (int i = 0; i < ni; i++) {
                itemStart[i + 1] += itemStart[i];
            }
            int[] byItem = new int[n];
            for (int t = 0; t < n; t++) {
                byItem[itemStart[log.item(t)]++] = t;
            }
            int[] userStart = new int[nu + 1];
            for (int t = 0; t < n; t++) {
                userStart[log.user(t) + 1]++;
            }
            for (int u = 0; u < nu; u++) {
                userStart[u + 1] += userStart[u];
            }
            int[] fill = Arrays.copyOf(userStart, nu);
            int[] order = new int[n];
            for (int s = 0; s < n; s++) {
                int t = byItem[s];
                order[fill[log.user(t)]++] = t;
            }
            int[] entryPtr = new int[n + 1];
            int[] pairPtr = new int[nu + 1];
            int pairs = 0;
            for (int u = 0; u < nu; u++) {
                for (int e = userStart[u]; e < userStart[u + 1]; e++) {
                    if (e == userStart[u] || log.item(order[e]) != log.item(order[e - 1])) {
                        entryPtr[pairs++] = e;
                    }
                }
                pairPtr[u + 1] = pairs;
            }
            entryPtr[pairs] = n;
            return new Grouped(nu, order, Arrays.copyOf(entryPtr, pairs + 1), pairPtr);
        }

        int pairCount() {
            return entryPtr.length - 1;
        }

        void markPair(int p, boolean[] test) {
            for (int e = entryPtr[p]; e < entryPtr[p + 1]; e++) {
                test[order[e]] = true;
            }
        }

        /** Log position of the pair's last entry (entries within a pair are in log order). */
        int pairLastEntry(int p) {
            return order[entryPtr[p + 1] - 1];
        }

        long[] pairLatest(InteractionLog log) {
            long[] out = new long[pairCount()];
            for (int p = 0; p < out.length; p++) {
                long best = Long.MIN_VALUE;
                for (int e = entryPtr[p]; e < entryPtr[p + 1]; e++) {
                    best = Math.max(best, log.timestamp(order[e]));
                }
                out[p] = best;
            }
            return out;
        }

        Split split(InteractionLog log, boolean[] test) {
            int nTest = 0;
            for (boolean b : test) {
                if (b) {
                    nTest++;
                }
            }
            int[] tr = new int[test.length - nTest];
            int[] te = new int[nTest];
            int a = 0;
            int b = 0;
            for (int t = 0; t < test.length; t++) {
                if (test[t]) {
                    te[b++] = t;
                } else {
                    tr[a++] = t;
                }
            }
            return new Split(log.select(tr), log.select(te));
        }
    }
}
