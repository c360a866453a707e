package io.github.recsys.conversion.tree;

/**
 * Finds the best split of one column of one node from binned statistics: a low-level kernel shared
 * by {@link TreeGrower} and the benchmarks.
 *
 * <p>Each row carries a pair {@code (a, b)}: gradient and hessian for boosting, or weighted label
 * {@code w*y} and weight {@code w} for classification trees. A child with sums {@code (A, B)} has
 * score {@code s(A, B)}: {@code A^2 / (B + lambda)} for boosting (XGBoost), and minus the weighted
 * impurity for {@link SplitCriterion}s. The gain of a split is
 * {@code scale * (s(L) + s(R) - s(parent))} with {@code scale = 1/2} for boosting (so gain is the
 * loss reduction of the second-order approximation) and {@code 1 / rootWeight} for trees. Only
 * splits whose children both have {@code B >= minChildWeight} (and {@code B > 0}) and whose gain is
 * strictly above the candidate's starting gain are accepted; ties keep the earlier candidate.
 *
 * <p><b>Numeric columns</b>: every threshold between non-empty value bins, each with missing values
 * sent left and right (the learned default direction), plus "all present values left, missing
 * right". When the node has no missing values the default direction is the heavier child.
 * <b>Categorical columns</b>: non-empty categories are sorted by {@code A / (B + catSmooth)} and
 * every prefix of that order is tried as the left set (LightGBM's sorted-category search; for Gini
 * and squared error on 0/1 labels this finds the best of all subsets), again with missing both ways.
 *
 * <p>Not thread-safe: holds scratch arrays; use one instance per thread.
 */
public final class SplitFinder {

    static final int GRADIENT = 0;
    static final int GINI = 1;
    static final int ENTROPY = 2;
    static final int SQUARED = 3;

    private static final double PURE_EPS = 1e-12;
    private static final double LOG2 = Math.log(2.0);

    private final int mode;
    private final double lambda;
    private final double minChildWeight;
    private final double catSmooth;
    private final double leafScale;
    private double gainScale;

    private final int[] gCode = new int[256];
    private final double[] gA = new double[256];
    private final double[] gB = new double[256];
    private final double[] gKey = new double[256];
    private int[] sortKeys = new int[0];
    private final double[] miniHist = new double[512];

    private SplitFinder(int mode, double lambda, double minChildWeight, double catSmooth, double leafScale, double gainScale) {
        this.mode = mode;
        this.lambda = lambda;
        this.minChildWeight = minChildWeight;
        this.catSmooth = catSmooth;
        this.leafScale = leafScale;
        this.gainScale = gainScale;
    }

    /**
     * A finder for second-order boosting: leaf value {@code -learningRate * A / (B + lambda)}.
     *
     * @param lambda         L2 penalty on leaf weights, &gt;= 0
     * @param minChildWeight minimum hessian sum per child, &gt;= 0
     * @param catSmooth      smoothing added to hessian sums when ordering categories, &gt;= 0
     * @param learningRate   shrinkage applied to leaf values, &gt; 0
     */
    public static SplitFinder forGradients(double lambda, double minChildWeight, double catSmooth, double learningRate) {
        return new SplitFinder(GRADIENT, lambda, minChildWeight, catSmooth, learningRate, 0.5);
    }

    /**
     * A finder for classification trees: leaf value {@code A / B} (the weighted positive rate).
     *
     * @param criterion      impurity measure
     * @param minChildWeight minimum weighted row count per child, &gt;= 0
     */
    public static SplitFinder forCriterion(SplitCriterion criterion, double minChildWeight) {
        int m = switch (criterion) {
            case GINI -> GINI;
            case ENTROPY -> ENTROPY;
            case SQUARED_ERROR -> SQUARED;
        };
        return new SplitFinder(m, 0, minChildWeight, 0, 1, 1);
    }

    /** Copy with the same settings and fresh scratch space (for another thread). */
    public SplitFinder copy() {
        return new SplitFinder(mode, lambda, minChildWeight, catSmooth, leafScale, gainScale);
    }

    /** For classification trees: gains are divided by this root weight (&gt; 0). No effect for boosting. */
    public void setRootWeight(double rootWeight) {
        if (mode != GRADIENT) {
            gainScale = rootWeight > 0 ? 1.0 / rootWeight : 1.0;
        }
    }

    /** Minimum child weight (hessian or weighted count). */
    public double minChildWeight() {
        return minChildWeight;
    }

    /** True for boosting (gradient statistics). */
    public boolean isGradient() {
        return mode == GRADIENT;
    }

    /** Output of a leaf with sums {@code (a, b)}. */
    public double leafValue(double a, double b) {
        if (mode == GRADIENT) {
            return -leafScale * a / (b + lambda);
        }
        return b > 0 ? a / b : 0.0;
    }

    /** For classification trees, true when the node holds (numerically) one class only. */
    public boolean isPure(double a, double b) {
        if (mode == GRADIENT) {
            return false;
        }
        return b <= 0 || a <= PURE_EPS * b || a >= (1 - PURE_EPS) * b;
    }

    /** Score {@code s(a, b)} of a child (see class comment). */
    double score(double a, double b) {
        switch (mode) {
            case GRADIENT:
                return a * a / (b + lambda);
            case GINI:
                return 2.0 * a * a / b - 2.0 * a;
            case SQUARED:
                return a * a / b - a;
            default: {
                double c = b - a;
                double h = 0;
                if (a > 0) {
                    h -= a * Math.log(a / b);
                }
                if (c > 0) {
                    h -= c * Math.log(c / b);
                }
                return -h / LOG2;
            }
        }
    }

    /**
     * Evaluates column {@code feature} from its histogram slots
     * {@code hist[2*slot0 .. 2*(slot0 + valueBins + 1))} (pairs a, b; the last pair = missing values)
     * and updates {@code best} when a better split is found.
     */
    public void evaluateHistogram(int feature, boolean categorical, int valueBins, double[] hist, int slot0,
                                  SplitCandidate best) {
        int m = 0;
        int base = slot0 << 1;
        for (int c = 0; c < valueBins; c++) {
            double b = hist[base + 2 * c + 1];
            if (b > 0) {
                gCode[m] = c;
                gA[m] = hist[base + 2 * c];
                gB[m] = b;
                m++;
            }
        }
        double ma = hist[base + 2 * valueBins];
        double mb = hist[base + 2 * valueBins + 1];
        evaluateGroups(feature, categorical, valueBins, m, ma, mb > 0 ? mb : 0.0, best);
    }

    /**
     * Evaluates column {@code feature} directly from the rows {@code rows[from..to)} of a small node
     * (a per-column histogram when the column has few bins, else sorting the codes); updates
     * {@code best} when better.
     *
     * @param codes     binned codes; row {@code r}'s code of this column is {@code codes[r * rowStride + colOffset]}
     *                  (row-major: stride p, offset = column; column-major: stride 1, offset = column * rows)
     * @param stats     per-row pairs, {@code stats[2r]} and {@code stats[2r+1]}
     */
    public void evaluateRows(int feature, boolean categorical, int valueBins, byte[] codes, int rowStride, int colOffset,
                             int[] rows, int from, int to, double[] stats, SplitCandidate best) {
        int count = to - from;
        if (2 * (valueBins + 1) <= count) {
            // few bins for many rows: a dense per-column histogram is cheaper than sorting
            double[] h = miniHist;
            java.util.Arrays.fill(h, 0, 2 * (valueBins + 1), 0.0);
            for (int k = from; k < to; k++) {
                int r = rows[k];
                int s = (codes[r * rowStride + colOffset] & 0xFF) << 1;
                h[s] += stats[2 * r];
                h[s + 1] += stats[2 * r + 1];
            }
            evaluateHistogram(feature, categorical, valueBins, h, 0, best);
            return;
        }
        if (count >= (1 << 22)) {
            throw new IllegalArgumentException("row-sorted split search supports at most 2^22 rows, was " + count);
        }
        if (sortKeys.length < count) {
            sortKeys = new int[Math.max(count, 2 * sortKeys.length)];
        }
        int[] keys = sortKeys;
        for (int k = 0; k < count; k++) {
            int r = rows[from + k];
            keys[k] = ((codes[r * rowStride + colOffset] & 0xFF) << 22) | k;
        }
        java.util.Arrays.sort(keys, 0, count);
        int m = 0;
        double ma = 0;
        double mb = 0;
        int prev = -1;
        for (int k = 0; k < count; k++) {
            int code = keys[k] >>> 22;
            int r = rows[from + (keys[k] & ((1 << 22) - 1))];
            double a = stats[2 * r];
            double b = stats[2 * r + 1];
            if (code == valueBins) {
                ma += a;
                mb += b;
            } else if (code == prev) {
                gA[m - 1] += a;
                gB[m - 1] += b;
            } else {
                gCode[m] = code;
                gA[m] = a;
                gB[m] = b;
                m++;
                prev = code;
            }
        }
        // drop zero-weight groups, as the histogram path does
        int w = 0;
        for (int g = 0; g < m; g++) {
            if (gB[g] > 0) {
                gCode[w] = gCode[g];
                gA[w] = gA[g];
                gB[w] = gB[g];
                w++;
            }
        }
        evaluateGroups(feature, categorical, valueBins, w, ma, mb, best);
    }

    /** Scans the groups {@code gCode/gA/gB[0..m)} (ascending codes) plus missing sums. */
    void evaluateGroups(int feature, boolean categorical, int valueBins, int m, double ma, double mb, SplitCandidate best) {
        if (categorical) {
            // order categories by a / (b + smooth); insertion sort is stable and m <= 255
            for (int g = 0; g < m; g++) {
                gKey[g] = gA[g] / (gB[g] + catSmooth);
            }
            for (int i = 1; i < m; i++) {
                double k = gKey[i];
                int c = gCode[i];
                double a = gA[i];
                double b = gB[i];
                int j = i - 1;
                while (j >= 0 && gKey[j] > k) {
                    gKey[j + 1] = gKey[j];
                    gCode[j + 1] = gCode[j];
                    gA[j + 1] = gA[j];
                    gB[j + 1] = gB[j];
                    j--;
                }
                gKey[j + 1] = k;
                gCode[j + 1] = c;
                gA[j + 1] = a;
                gB[j + 1] = b;
            }
        }
        double totA = ma;
        double totB = mb;
        for (int g = 0; g < m; g++) {
            totA += gA[g];
            totB += gB[g];
        }
        double parent = score(totA, totB);
        boolean hasMissing = mb > 0;
        double mcw = minChildWeight;
        // best of this column, kept in locals; written to the candidate once at the end
        double bestGain = best.gain;
        int bestG = -1;
        int bestBin = 0;
        boolean bestDefaultLeft = false;
        double bestAL = 0;
        double bestBL = 0;
        double aL = 0;
        double bL = 0;
        for (int g = 0; g < m; g++) {
            aL += gA[g];
            bL += gB[g];
            if (g < m - 1) {
                double aR = totA - aL;
                double bR = totB - bL;
                if (bL >= mcw && bR >= mcw && bL > 0 && bR > 0) {
                    double gain = gainScale * (score(aL, bL) + score(aR, bR) - parent);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestG = g;
                        bestBin = gCode[g];
                        bestDefaultLeft = !hasMissing && bL >= bR;
                        bestAL = aL;
                        bestBL = bL;
                    }
                }
                if (hasMissing) {
                    double aL2 = aL + ma;
                    double bL2 = bL + mb;
                    double aR2 = totA - aL2;
                    double bR2 = totB - bL2;
                    if (bL2 >= mcw && bR2 >= mcw && bL2 > 0 && bR2 > 0) {
                        double gain = gainScale * (score(aL2, bL2) + score(aR2, bR2) - parent);
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestG = g;
                            bestBin = gCode[g];
                            bestDefaultLeft = true;
                            bestAL = aL2;
                            bestBL = bL2;
                        }
                    }
                }
            } else if (hasMissing && bL >= mcw && mb >= mcw && bL > 0) {
                // every present value left, missing values right
                double gain = gainScale * (score(aL, bL) + score(ma, mb) - parent);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestG = g;
                    bestBin = valueBins - 1;
                    bestDefaultLeft = false;
                    bestAL = aL;
                    bestBL = bL;
                }
            }
        }
        if (bestG >= 0) {
            best.feature = feature;
            best.gain = bestGain;
            best.defaultLeft = bestDefaultLeft;
            best.leftA = bestAL;
            best.leftB = bestBL;
            best.rightA = totA - bestAL;
            best.rightB = totB - bestBL;
            best.categorical = categorical;
            long[] bits = best.categories;
            bits[0] = 0;
            bits[1] = 0;
            bits[2] = 0;
            bits[3] = 0;
            if (categorical) {
                best.bin = 0;
                for (int i = 0; i <= bestG; i++) {
                    int c = gCode[i];
                    bits[c >>> 6] |= 1L << (c & 63);
                }
            } else {
                best.bin = bestBin;
            }
        }
    }

}
