package io.github.recsys.data;

import io.github.recsys.internal.Internals;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic implicit-feedback matrices with power-law (Zipf-like) user activity and item
 * popularity, for benchmarks and tests.
 *
 * <p>{@link #powerLaw(int, int, long, long)} draws a users x items matrix with exactly {@code nnz}
 * distinct stored pairs (when {@code nnz <= users * items / 2}):
 * <ol>
 *   <li>the user of activity rank r (0 = most active) gets a share of the nonzeros proportional to
 *       {@code (r+1)^-USER_EXPONENT}, capped at half the items, rounding remainders given to the most
 *       active users first;</li>
 *   <li>each user's items are drawn without replacement from the popularity distribution
 *       {@code P(item of rank q) ~ (q+1)^-ITEM_EXPONENT} (alias sampling); a draw that repeats an item
 *       the user already has is replaced by uniform draws until a new item comes up, which flattens
 *       the popularity of the heaviest users' tails a little but never stalls;</li>
 *   <li>ranks are mapped to user and item indices by seeded random permutations, so popular users and
 *       items are scattered over the index range as in real data;</li>
 *   <li>each value is a count {@code 1 + floor(E)} with E exponential of mean {@link #COUNT_MEAN}.</li>
 * </ol>
 * The result depends only on the arguments (no global random state). Memory at the peak is the
 * matrix itself (16 bytes per nonzero) plus O(users + items); nothing is sorted globally. Ids are the
 * identity. Thread-safe (stateless).
 */
public final class SyntheticInteractions {

    /** Exponent of the user-activity power law. */
    public static final double USER_EXPONENT = 0.6;
    /** Exponent of the item-popularity power law. */
    public static final double ITEM_EXPONENT = 0.9;
    /** Mean of the exponential part of each count. */
    public static final double COUNT_MEAN = 1.5;

    private SyntheticInteractions() {
    }

    /**
     * A seeded power-law matrix (see the class description).
     *
     * @param users number of users, &gt; 0
     * @param items number of items, &gt; 0
     * @param nnz   number of distinct stored pairs, in [0, min(users * (items / 2), 2^31 - 9)]
     * @param seed  random seed
     * @throws IllegalArgumentException for out-of-range arguments
     */
    public static InteractionMatrix powerLaw(int users, int items, long nnz, long seed) {
        if (users <= 0) {
            throw new IllegalArgumentException("users must be > 0, was " + users);
        }
        if (items <= 0) {
            throw new IllegalArgumentException("items must be > 0, was " + items);
        }
        int cap = Math.max(1, items / 2);
        long max = Math.min((long) users * cap, Integer.MAX_VALUE - 8L);
        if (nnz < 0 || nnz > max) {
            throw new IllegalArgumentException("nnz must be in [0, " + max + "] for " + users + " users x "
                    + items + " items (at most half the items per user), was " + nnz);
        }
        SplittableRandom root = new SplittableRandom(seed);
        int[] userPerm = permutation(users, root.split());
        int[] itemPerm = permutation(items, root.split());
        int[] lengthByRank = rowLengths(users, cap, (int) nnz);

        int[] rowPtr = new int[users + 1];
        for (int r = 0; r < users; r++) {
            rowPtr[userPerm[r] + 1] = lengthByRank[r];
        }
        for (int u = 0; u < users; u++) {
            rowPtr[u + 1] += rowPtr[u];
        }
        double[] itemWeight = new double[items];
        for (int q = 0; q < items; q++) {
            itemWeight[q] = Math.pow(q + 1, -ITEM_EXPONENT);
        }
        double[] prob = new double[items];
        int[] alias = new int[items];
        buildAlias(itemWeight, prob, alias);

        int n = (int) nnz;
        int[] colIdx = new int[n];
        float[] values = new float[n];
        int[] stamp = new int[items];
        Arrays.fill(stamp, -1);
        SplittableRandom rows = root.split();
        for (int r = 0; r < users; r++) {
            SplittableRandom rng = rows.split();
            int len = lengthByRank[r];
            int u = userPerm[r];
            int base = rowPtr[u];
            int t = 0;
            while (t < len) {
                int q = rng.nextInt(items);
                if (rng.nextDouble() >= prob[q]) {
                    q = alias[q];
                }
                // A repeat is replaced by uniform draws: at most half the items are taken, so each
                // succeeds with probability >= 1/2 and heavy users cannot stall the generator.
                while (stamp[q] == r) {
                    q = rng.nextInt(items);
                }
                stamp[q] = r;
                colIdx[base + t++] = itemPerm[q];
            }
            Arrays.sort(colIdx, base, base + len);
            for (int e = 0; e < len; e++) {
                values[base + e] = (float) (1 + Math.floor(-Math.log(1 - rng.nextDouble()) * COUNT_MEAN));
            }
        }
        // Transpose (CSC).
        int[] colPtr = new int[items + 1];
        for (int p = 0; p < n; p++) {
            colPtr[colIdx[p] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            colPtr[i + 1] += colPtr[i];
        }
        int[] fill = Arrays.copyOf(colPtr, items);
        int[] rowIdx = new int[n];
        float[] colValues = new float[n];
        for (int u = 0; u < users; u++) {
            for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
                int pos = fill[colIdx[p]]++;
                rowIdx[pos] = u;
                colValues[pos] = values[p];
            }
        }
        return Internals.matrix().wrap(users, items, rowPtr, colIdx, values, colPtr, rowIdx, colValues, null, null);
    }

    /** Row lengths by activity rank: proportional to (r+1)^-USER_EXPONENT, capped, summing to nnz. */
    private static int[] rowLengths(int users, int cap, int nnz) {
        double[] w = new double[users];
        double total = 0;
        for (int r = 0; r < users; r++) {
            w[r] = Math.pow(r + 1, -USER_EXPONENT);
            total += w[r];
        }
        int[] len = new int[users];
        long assigned = 0;
        for (int r = 0; r < users; r++) {
            len[r] = (int) Math.min(cap, Math.floor(nnz * w[r] / total));
            assigned += len[r];
        }
        // Hand out the remainder (rounding and capping) one per user, most active first.
        long left = nnz - assigned;
        while (left > 0) {
            for (int r = 0; r < users && left > 0; r++) {
                if (len[r] < cap) {
                    len[r]++;
                    left--;
                }
            }
        }
        return len;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Vose's alias tables for sampling index q with probability w[q] / sum(w). */
    private static void buildAlias(double[] w, double[] prob, int[] alias) {
        int n = w.length;
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = w[i] * n / sum;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            prob[s] = 1;
            alias[s] = s;
        }
    }
}
