package io.github.recsys.conversion.tree;

import java.util.Arrays;

/**
 * One trained binary tree stored as flat arrays indexed by node (root = node 0).
 *
 * <p>An internal node {@code k} has {@code feature(k) >= 0}. A numeric node sends a row left when
 * its value is {@code <= threshold(k)}; a categorical node sends it left when its category code is
 * in the node's category set; a missing value (NaN) goes left when {@code defaultLeft(k)}; an
 * unknown or out-of-range category goes right. A leaf has {@code feature(k) == -1} and outputs
 * {@code value(k)}: a probability for classification trees, a log-odds increment (already scaled by
 * the learning rate) for boosting. {@code gain(k)} is the split's gain, {@code cover(k)} the node's
 * training weight (hessian sum for boosting).
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeModel {

    private final int[] feature;
    private final double[] threshold;
    private final int[] bin;
    private final int[] catStart;
    private final long[] catWords;
    private final boolean[] defaultLeft;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final double[] gain;
    private final double[] cover;
    private final int[] missingCode;
    /**
     * Traversal copy, 4 ints per node so that one visit touches one cache line: feature (-1 = leaf),
     * flags (bits 0-7 bin, 8-15 missing code, 16 default left, 17 categorical), left, right.
     */
    private final int[] nodes;

    private TreeModel(int[] feature, double[] threshold, int[] bin, int[] catStart, long[] catWords, boolean[] defaultLeft,
                      int[] left, int[] right, double[] value, double[] gain, double[] cover, int[] missingCode) {
        this.feature = feature;
        this.threshold = threshold;
        this.bin = bin;
        this.catStart = catStart;
        this.catWords = catWords;
        this.defaultLeft = defaultLeft;
        this.left = left;
        this.right = right;
        this.value = value;
        this.gain = gain;
        this.cover = cover;
        this.missingCode = missingCode;
        int n = feature.length;
        this.nodes = new int[4 * n];
        for (int k = 0; k < n; k++) {
            nodes[4 * k] = feature[k];
            nodes[4 * k + 1] = feature[k] < 0 ? 0
                    : (bin[k] & 0xFF) | (missingCode[k] & 0xFF) << 8 | (defaultLeft[k] ? 1 << 16 : 0)
                    | (catStart[k] >= 0 ? 1 << 17 : 0);
            nodes[4 * k + 2] = left[k];
            nodes[4 * k + 3] = right[k];
        }
    }

    static TreeModel fromGrower(BinnedFeatures data, int n, int[] nFeature, int[] nBin, boolean[] nDefaultLeft,
                                boolean[] nCategorical, long[] nCats, int[] nLeft, int[] nRight, double[] nValue,
                                double[] nGain, double[] nCover) {
        int[] feature = Arrays.copyOf(nFeature, n);
        double[] threshold = new double[n];
        int[] bin = Arrays.copyOf(nBin, n);
        int[] catStart = new int[n];
        int[] missing = new int[n];
        int cats = 0;
        for (int k = 0; k < n; k++) {
            if (feature[k] >= 0 && nCategorical[k]) {
                cats++;
            }
        }
        long[] words = new long[4 * cats];
        int w = 0;
        for (int k = 0; k < n; k++) {
            int f = feature[k];
            catStart[k] = -1;
            if (f < 0) {
                missing[k] = -1;
                continue;
            }
            missing[k] = data.valueBins(f);
            if (nCategorical[k]) {
                catStart[k] = w;
                System.arraycopy(nCats, 4 * k, words, w, 4);
                w += 4;
                threshold[k] = Double.NaN;
            } else {
                threshold[k] = data.upperBound(f, nBin[k]);
            }
        }
        return new TreeModel(feature, threshold, bin, catStart, words, Arrays.copyOf(nDefaultLeft, n),
                Arrays.copyOf(nLeft, n), Arrays.copyOf(nRight, n), Arrays.copyOf(nValue, n), Arrays.copyOf(nGain, n),
                Arrays.copyOf(nCover, n), missing);
    }

    /** Output of the leaf reached by the row stored at {@code x[offset ..]} (raw feature values). */
    public double predict(double[] x, int offset) {
        int[] nd = nodes;
        int k = 0;
        int f;
        while ((f = nd[4 * k]) >= 0) {
            double v = x[offset + f];
            int flags = nd[4 * k + 1];
            boolean goLeft;
            if (v != v) {
                goLeft = (flags & (1 << 16)) != 0;
            } else if ((flags & (1 << 17)) == 0) {
                goLeft = v <= threshold[k];
            } else {
                int c = (int) v;
                goLeft = c == v && c >= 0 && c < 256 && (catWords[catStart[k] + (c >>> 6)] >>> (c & 63) & 1L) != 0;
            }
            k = goLeft ? nd[4 * k + 2] : nd[4 * k + 3];
        }
        return value[k];
    }

    /**
     * Output of the leaf reached by row {@code row} of the binned matrix this tree was trained on
     * (the binned path used during training; other binned matrices give meaningless results).
     */
    public double predictBinned(BinnedFeatures data, int row) {
        byte[] codes = data.codes();
        int[] nd = nodes;
        int base = row * data.cols();
        int k = 0;
        int f;
        while ((f = nd[4 * k]) >= 0) {
            int c = codes[base + f] & 0xFF;
            int flags = nd[4 * k + 1];
            boolean goLeft;
            if (c == (flags >>> 8 & 0xFF)) {
                goLeft = (flags & (1 << 16)) != 0;
            } else if ((flags & (1 << 17)) == 0) {
                goLeft = c <= (flags & 0xFF);
            } else {
                goLeft = (catWords[catStart[k] + (c >>> 6)] >>> (c & 63) & 1L) != 0;
            }
            k = goLeft ? nd[4 * k + 2] : nd[4 * k + 3];
        }
        return value[k];
    }

    /** Number of nodes. */
    public int nodeCount() {
        return feature.length;
    }

    /** Number of leaves. */
    public int leafCount() {
        int c = 0;
        for (int f : feature) {
            if (f < 0) {
                c++;
            }
        }
        return c;
    }

    /** Depth of the deepest leaf (a single leaf has depth 0). */
    public int depth() {
        return depthOf(0);
    }

    private int depthOf(int k) {
        if (feature[k] < 0) {
            return 0;
        }
        return 1 + Math.max(depthOf(left[k]), depthOf(right[k]));
    }

    /** Split column of node {@code k}, or -1 for a leaf. */
    public int feature(int k) {
        return feature[k];
    }

    /** True when node {@code k} is a leaf. */
    public boolean isLeaf(int k) {
        return feature[k] < 0;
    }

    /** Numeric threshold of node {@code k} (left when value &lt;= threshold); NaN for categorical nodes and leaves. */
    public double threshold(int k) {
        return feature[k] < 0 ? Double.NaN : threshold[k];
    }

    /** True when node {@code k} splits on a category set. */
    public boolean isCategorical(int k) {
        return catStart[k] >= 0;
    }

    /** True when category code {@code c} goes left at categorical node {@code k}. */
    public boolean categoryGoesLeft(int k, int c) {
        if (catStart[k] < 0) {
            throw new IllegalStateException("node " + k + " is not a categorical split");
        }
        return c >= 0 && c < 256 && (catWords[catStart[k] + (c >>> 6)] >>> (c & 63) & 1L) != 0;
    }

    /** Whether missing values go left at node {@code k}. */
    public boolean defaultLeft(int k) {
        return defaultLeft[k];
    }

    /** Left child of node {@code k}, or -1 for a leaf. */
    public int left(int k) {
        return left[k];
    }

    /** Right child of node {@code k}, or -1 for a leaf. */
    public int right(int k) {
        return right[k];
    }

    /** Output of node {@code k} (meaningful for leaves; internal nodes keep the value they had as leaves). */
    public double value(int k) {
        return value[k];
    }

    /** Gain of the split at node {@code k} (0 for leaves). */
    public double gain(int k) {
        return gain[k];
    }

    /** Training weight (or hessian sum) of node {@code k}. */
    public double cover(int k) {
        return cover[k];
    }

    /** True when both trees have exactly the same structure, thresholds, sets and values. */
    public boolean sameAs(TreeModel o) {
        return Arrays.equals(feature, o.feature) && Arrays.equals(threshold, o.threshold) && Arrays.equals(bin, o.bin)
                && Arrays.equals(catWords, o.catWords) && Arrays.equals(defaultLeft, o.defaultLeft)
                && Arrays.equals(left, o.left) && Arrays.equals(right, o.right) && Arrays.equals(value, o.value)
                && Arrays.equals(gain, o.gain);
    }
}
