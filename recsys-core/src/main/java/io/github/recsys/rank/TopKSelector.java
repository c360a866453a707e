package io.github.recsys.rank;

import io.github.recsys.api.RecommendationList;

/**
 * Exact bounded selection of the {@code k} best (item, score) pairs from a stream, on primitive arrays.
 *
 * <p>Order: a higher score is better; among equal scores the lower item index is better. This is the
 * order of {@link RecommendationList}. NaN scores are never selected. An item offered twice is kept
 * twice (callers offer each item at most once).
 *
 * <p>Implementation: a binary min-heap of at most {@code k} slots (parallel {@code int[]} and
 * {@code double[]} arrays) whose root is the worst kept pair. {@link #offer} is O(1) when the pair does
 * not beat the root and O(log k) otherwise; {@link #threshold()} lets a scanning loop skip the call
 * altogether ({@code if (score >= sel.threshold()) sel.offer(item, score)}), which keeps the heap off
 * the hot path: over N scores in random order only about {@code k ln(N/k)} offers succeed.
 *
 * <p>Instances are reusable scratch: {@link #reset(int)} empties the heap without allocating (unless
 * k grows). Not thread-safe: use one selector per thread.
 */
public final class TopKSelector {

    /** Slots allocated up front; the arrays grow (doubling, up to k) as pairs arrive, so a huge k costs nothing. */
    private static final int INITIAL_CAPACITY = 64;

    private int[] heapItems;
    private double[] heapScores;
    private int k;
    private int size;
    /** Score of the root when full; -inf while not full; +inf when k == 0. */
    private double threshold;

    /**
     * An empty selector for the best {@code k} pairs.
     *
     * @param k number of pairs to keep, &gt;= 0
     * @throws IllegalArgumentException when k &lt; 0
     */
    public TopKSelector(int k) {
        int cap = Math.max(1, Math.min(k, INITIAL_CAPACITY));
        heapItems = new int[cap];
        heapScores = new double[cap];
        reset(k);
    }

    /**
     * Empties the selector and sets a new {@code k} (any size: slots are allocated as pairs arrive); reuses
     * the arrays.
     *
     * @throws IllegalArgumentException when k &lt; 0
     */
    public void reset(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        this.k = k;
        this.size = 0;
        this.threshold = k == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The k given to the constructor or the last {@link #reset(int)}. */
    public int k() {
        return k;
    }

    /** Number of pairs currently kept, {@code <= k}. */
    public int size() {
        return size;
    }

    /**
     * A score that any pair must reach ({@code score >= threshold()}) to have a chance of being kept:
     * -infinity while fewer than k pairs are kept, the worst kept score once full, +infinity when k is 0.
     * A pair whose score equals the threshold is kept only if its item index is lower than the worst
     * kept item's.
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Offers a pair; returns true when it was kept (possibly evicting the worst kept pair).
     *
     * @param item  item index (any int)
     * @param score its score; NaN is rejected (returns false)
     */
    public boolean offer(int item, double score) {
        if (size < k) {
            if (score != score) {
                return false;
            }
            if (size == heapItems.length) {
                int cap = (int) Math.min(k, Math.max(2L * size, 1L));
                heapItems = java.util.Arrays.copyOf(heapItems, cap);
                heapScores = java.util.Arrays.copyOf(heapScores, cap);
            }
            int i = size++;
            // Sift up: the parent must be worse than or equal to the child (min-heap on "goodness").
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!better(heapItems[parent], heapScores[parent], item, score)) {
                    break;
                }
                heapItems[i] = heapItems[parent];
                heapScores[i] = heapScores[parent];
                i = parent;
            }
            heapItems[i] = item;
            heapScores[i] = score;
            if (size == k) {
                threshold = heapScores[0];
            }
            return true;
        }
        if (k == 0 || !better(item, score, heapItems[0], heapScores[0])) {
            return false;
        }
        siftDownFromRoot(item, score, size);
        threshold = heapScores[0];
        return true;
    }

    /** True when (itemA, scoreA) ranks strictly before (itemB, scoreB). NaN never ranks before anything. */
    private static boolean better(int itemA, double scoreA, int itemB, double scoreB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    /** Places (item, score) at the root of a heap of {@code n} slots and restores the heap order. */
    private void siftDownFromRoot(int item, double score, int n) {
        int[] items = heapItems;
        double[] scores = heapScores;
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < n && better(items[child], scores[child], items[right], scores[right])) {
                child = right; // the worse of the two children
            }
            if (!better(item, score, items[child], scores[child])) {
                break;
            }
            items[i] = items[child];
            scores[i] = scores[child];
            i = child;
        }
        items[i] = item;
        scores[i] = score;
    }

    /**
     * Writes the kept pairs best first into the output arrays and empties the selector (k is kept).
     *
     * @param itemsOut  receives {@link #size()} item indices, best first; modified
     * @param scoresOut receives their scores; modified
     * @return the number of pairs written
     */
    public int drainSorted(int[] itemsOut, double[] scoresOut) {
        int n = size;
        if (itemsOut.length < n || scoresOut.length < n) {
            throw new IllegalArgumentException("output arrays have lengths " + itemsOut.length + " and "
                    + scoresOut.length + ", need " + n);
        }
        // Heap sort: the root is the worst, so it goes last.
        for (int last = n - 1; last >= 0; last--) {
            itemsOut[last] = heapItems[0];
            scoresOut[last] = heapScores[0];
            if (last > 0) {
                siftDownFromRoot(heapItems[last], heapScores[last], last);
            }
        }
        reset(k);
        return n;
    }

    /** The kept pairs as an immutable list, best first, labelled {@code source}; empties the selector. */
    public RecommendationList drainToList(String source) {
        int[] items = new int[size];
        double[] scores = new double[size];
        drainSorted(items, scores);
        return RecommendationList.wrap(items, scores, source);
    }
}
