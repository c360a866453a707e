package io.github.recsys.conversion.metrics;

import java.util.SplittableRandom;

/**
 * Seeded stratified hold-out split and stratified k-fold cross-validation over 0/1 labels: each
 * class is shuffled on its own (Fisher-Yates driven by a {@link SplittableRandom} child of the
 * seed, one child per class) and then cut, so every part keeps the class proportions up to one row.
 * Same labels + same seed give the same indices. Stateless and thread-safe.
 */
public final class StratifiedSplits {

    private StratifiedSplits() {
    }

    /**
     * Stratified hold-out split: from each class, {@code round(classSize * testFraction)} rows go to
     * the test part.
     *
     * @param labels       0/1 labels, one per row
     * @param testFraction in (0, 1)
     * @param seed         any long
     */
    public static Split split(double[] labels, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), was " + testFraction);
        }
        int[][] byClass = shuffledByClass(labels, seed);
        int n = labels.length;
        boolean[] inTest = new boolean[n];
        int nTest = 0;
        for (int[] rows : byClass) {
            int t = (int) Math.round(rows.length * testFraction);
            for (int k = 0; k < t; k++) {
                inTest[rows[k]] = true;
            }
            nTest += t;
        }
        int[] train = new int[n - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (inTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new Split(train, test);
    }

    /**
     * Fold of each row for stratified k-fold cross-validation: within each shuffled class, the
     * {@code r}-th row goes to fold {@code (offset + r) mod k}, where the offset continues from the
     * previous class so fold sizes differ by at most one.
     *
     * @param k number of folds, 2 &lt;= k &lt;= n
     * @return fold index in [0, k) per row
     */
    public static int[] foldAssignments(double[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, was " + k);
        }
        if (k > labels.length) {
            throw new IllegalArgumentException("k must be <= number of rows " + labels.length + ", was " + k);
        }
        int[][] byClass = shuffledByClass(labels, seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int[] rows : byClass) {
            for (int row : rows) {
                fold[row] = next;
                next = next + 1 == k ? 0 : next + 1;
            }
        }
        return fold;
    }

    /** The k train/test splits of stratified k-fold cross-validation; split {@code f} tests fold {@code f}. */
    public static Split[] kFold(double[] labels, int k, long seed) {
        int[] fold = foldAssignments(labels, k, seed);
        int[] size = new int[k];
        for (int f : fold) {
            size[f]++;
        }
        Split[] out = new Split[k];
        for (int f = 0; f < k; f++) {
            int[] test = new int[size[f]];
            int[] train = new int[labels.length - size[f]];
            int a = 0;
            int b = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    test[b++] = i;
                } else {
                    train[a++] = i;
                }
            }
            out[f] = new Split(train, test);
        }
        return out;
    }

    private static int[][] shuffledByClass(double[] labels, long seed) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        int pos = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1.0) {
                pos++;
            } else if (labels[i] != 0.0) {
                throw new IllegalArgumentException("label " + i + " must be 0 or 1, was " + labels[i]);
            }
        }
        int[] neg = new int[labels.length - pos];
        int[] posRows = new int[pos];
        int a = 0;
        int b = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1.0) {
                posRows[b++] = i;
            } else {
                neg[a++] = i;
            }
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom rNeg = root.split();
        SplittableRandom rPos = root.split();
        shuffle(neg, rNeg);
        shuffle(posRows, rPos);
        return new int[][] {neg, posRows};
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
