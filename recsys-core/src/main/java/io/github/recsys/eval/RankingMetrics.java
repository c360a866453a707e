package io.github.recsys.eval;

import java.util.Arrays;

/**
 * Per-user ranking metrics at a cut-off {@code k}, the definitions used by {@link Evaluator} and the
 * {@code als-eval} command.
 *
 * <p>Notation: {@code R = r_1, r_2, ...} is the user's recommendation list, best first (items the
 * user has in train are never candidates); only its first {@code k} entries count (it may be shorter
 * than {@code k}). {@code T} is the user's set of test items, non-empty. {@code hits} is the number
 * of {@code r_i}, {@code i <= k}, in {@code T}; {@code rel_i = 1} when {@code r_i} is in {@code T},
 * else 0.
 * <ul>
 *   <li>{@link #precision precision@k} = hits / k (k, not the list length);</li>
 *   <li>{@link #recall recall@k} = hits / |T|;</li>
 *   <li>{@link #averagePrecision AP@k} = (1 / min(k, |T|)) * sum over i &lt;= k with rel_i = 1 of
 *       (hits among r_1..r_i) / i; MAP is its mean over users;</li>
 *   <li>{@link #ndcg NDCG@k} = DCG / IDCG with binary gain, DCG = sum over i &lt;= k of rel_i / log2(i + 1),
 *       IDCG = sum over i = 1 .. min(k, |T|) of 1 / log2(i + 1);</li>
 *   <li>{@link #hitRate hit rate@k} = 1 when hits &gt; 0, else 0;</li>
 *   <li>{@link #auc AUC}: over the whole candidate ranking (not cut at k), the probability that a
 *       random test item is ranked above a random candidate that is not a test item; candidates
 *       missing from the list rank below every listed one and tie among themselves (a tie counts 1/2).
 *       When the recommender is also an {@link io.github.recsys.api.ItemScorer}, the {@link Evaluator}
 *       computes it from the scores instead ({@link #aucFromScores}; equal scores tie);</li>
 *   <li>{@link #intraListDiversity intra-list diversity@k} = 1 - mean over pairs i &lt; j of
 *       cos(v_{r_i}, v_{r_j}) for the item factor vectors v (cosine 0 when a vector is zero); needs
 *       at least two items;</li>
 *   <li>{@link #novelty novelty@k} = mean over the listed r_i of -log2(pop(r_i)), pop(i) = (number of
 *       train users who interacted with i) / (number of users with a train interaction), an item no
 *       train user saw counting as seen by one;</li>
 *   <li>catalogue coverage@k (over all users, see {@link Evaluator}) = number of distinct items in
 *       the users' top-k lists / number of items.</li>
 * </ul>
 * Means are taken over users with at least one train and one test item. All methods are static,
 * allocation-free and thread-safe; {@code testItems} arrays must be sorted ascending and distinct.
 */
public final class RankingMetrics {

    private static final double LN2 = Math.log(2);

    private RankingMetrics() {
    }

    /** Number of the first {@code min(k, length)} entries of {@code recs} that are in {@code testItems}. */
    public static int hits(int[] recs, int length, int k, int[] testItems) {
        int n = Math.min(k, length);
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (Arrays.binarySearch(testItems, recs[i]) >= 0) {
                h++;
            }
        }
        return h;
    }

    /** precision@k = hits / k. */
    public static double precision(int[] recs, int length, int k, int[] testItems) {
        checkK(k);
        return (double) hits(recs, length, k, testItems) / k;
    }

    /** recall@k = hits / |T|. */
    public static double recall(int[] recs, int length, int k, int[] testItems) {
        checkK(k);
        checkTest(testItems);
        return (double) hits(recs, length, k, testItems) / testItems.length;
    }

    /** AP@k = (1 / min(k, |T|)) * sum over hit positions i of precision@i. */
    public static double averagePrecision(int[] recs, int length, int k, int[] testItems) {
        checkK(k);
        checkTest(testItems);
        int n = Math.min(k, length);
        int h = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (Arrays.binarySearch(testItems, recs[i]) >= 0) {
                h++;
                sum += (double) h / (i + 1);
            }
        }
        return sum / Math.min(k, testItems.length);
    }

    /** NDCG@k with binary gain; the ideal DCG covers min(k, |T|) positions. */
    public static double ndcg(int[] recs, int length, int k, int[] testItems) {
        checkK(k);
        checkTest(testItems);
        int n = Math.min(k, length);
        double dcg = 0;
        for (int i = 0; i < n; i++) {
            if (Arrays.binarySearch(testItems, recs[i]) >= 0) {
                dcg += LN2 / Math.log(i + 2);
            }
        }
        double idcg = 0;
        int m = Math.min(k, testItems.length);
        for (int i = 0; i < m; i++) {
            idcg += LN2 / Math.log(i + 2);
        }
        return dcg / idcg;
    }

    /** hit rate@k: 1 when any of the first k entries is a test item, else 0. */
    public static double hitRate(int[] recs, int length, int k, int[] testItems) {
        checkK(k);
        return hits(recs, length, k, testItems) > 0 ? 1.0 : 0.0;
    }

    /**
     * AUC over the full ranking of {@code candidateCount} candidates ({@code recs[0..length)} listed
     * best first, the rest unlisted and tied below them). {@code testItems} must all be candidates.
     *
     * @return the AUC in [0, 1], or NaN when there is no negative candidate
     */
    public static double auc(int[] recs, int length, int candidateCount, int[] testItems) {
        checkTest(testItems);
        long positives = testItems.length;
        long negatives = (long) candidateCount - positives;
        if (negatives <= 0) {
            return Double.NaN;
        }
        long listedPositives = 0;
        long negativesAbove = 0;
        double rankedAbove = 0; // sum over listed positives of negatives listed above them
        for (int i = 0; i < length; i++) {
            if (Arrays.binarySearch(testItems, recs[i]) >= 0) {
                listedPositives++;
                rankedAbove += negativesAbove;
            } else {
                negativesAbove++;
            }
        }
        long listedNegatives = negativesAbove;
        long unlistedNegatives = negatives - listedNegatives;
        long unlistedPositives = positives - listedPositives;
        // listed positive: beats every negative below it (listed below + all unlisted)
        double wins = listedPositives * (double) negatives - rankedAbove;
        // unlisted positive: ties with every unlisted negative
        wins += 0.5 * unlistedPositives * unlistedNegatives;
        return wins / (positives * (double) negatives);
    }

    /**
     * AUC from scores: the share of (positive, negative) pairs where the positive scores higher, a tie
     * counting 1/2. Runs in O(negatives * log(positives)): one pass over the negatives, each counted
     * against the sorted positives.
     *
     * @param negatives      scores of the negative candidates, any order; not modified
     * @param negativeCount  number of negatives
     * @param positives      scores of the positive (test) items, first {@code positiveCount} sorted ascending; not modified
     * @param positiveCount  number of positives
     * @return the AUC in [0, 1], or NaN when either count is 0
     */
    public static double aucFromScores(double[] negatives, int negativeCount, double[] positives, int positiveCount) {
        if (negativeCount == 0 || positiveCount == 0) {
            return Double.NaN;
        }
        double wins = 0;
        for (int q = 0; q < negativeCount; q++) {
            double x = negatives[q];
            int notAbove = upperBound(positives, positiveCount, x); // positives <= x
            if (notAbove == 0) {
                wins += positiveCount; // every positive beats x
                continue;
            }
            int below = lowerBound(positives, positiveCount, x); // positives < x
            wins += (positiveCount - notAbove) + 0.5 * (notAbove - below);
        }
        return wins / ((double) positiveCount * negativeCount);
    }

    /** First index in a[0..n) with a[i] &gt;= x. */
    private static int lowerBound(double[] a, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in a[0..n) with a[i] &gt; x. */
    private static int upperBound(double[] a, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Intra-list diversity of the first {@code min(k, length)} entries: 1 - mean pairwise cosine of
     * their factor vectors.
     *
     * @param itemFactors items x rank, row-major
     * @param norms       Euclidean norm of each item's row
     * @return the diversity, or NaN for fewer than two items
     */
    public static double intraListDiversity(int[] recs, int length, int k, float[] itemFactors, int rank, double[] norms) {
        checkK(k);
        int n = Math.min(k, length);
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            int ia = recs[a];
            int oa = ia * rank;
            for (int b = a + 1; b < n; b++) {
                int ib = recs[b];
                double den = norms[ia] * norms[ib];
                if (den > 0) {
                    int ob = ib * rank;
                    double dot = 0;
                    for (int f = 0; f < rank; f++) {
                        dot += (double) itemFactors[oa + f] * itemFactors[ob + f];
                    }
                    sum += dot / den;
                }
            }
        }
        double pairs = n * (n - 1) / 2.0;
        return 1 - sum / pairs;
    }

    /**
     * Novelty of the first {@code min(k, length)} entries: mean of -log2(max(1, itemUsers[i]) / trainUsers).
     *
     * @param itemUsers  number of train users who interacted with each item
     * @param trainUsers number of users with at least one train interaction, &gt; 0
     * @return the novelty in bits, or NaN for an empty list
     */
    public static double novelty(int[] recs, int length, int k, int[] itemUsers, int trainUsers) {
        checkK(k);
        int n = Math.min(k, length);
        if (n == 0 || trainUsers <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double pop = Math.max(1, itemUsers[recs[i]]) / (double) trainUsers;
            sum -= Math.log(pop) / LN2;
        }
        return sum / n;
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
    }

    private static void checkTest(int[] testItems) {
        if (testItems.length == 0) {
            throw new IllegalArgumentException("testItems must not be empty");
        }
    }
}
