package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A feature matrix quantized to one unsigned byte per cell, built once per training and shared
 * by every tree of an ensemble.
 *
 * <p><b>Bins.</b> A numeric column {@code j} gets {@code V_j <= maxBins} value bins found from
 * quantiles of its non-missing values (a value that alone holds more than the average bin weight
 * gets a bin of its own; with at most {@code maxBins} distinct values every value has its own
 * bin). Value bin {@code b} holds the values {@code v} with {@code upper[b-1] < v <= upper[b]};
 * boundaries lie half-way between neighbouring distinct training values and the last is
 * {@code +inf}. A categorical column (cardinality {@code c <= maxBins}) uses the category code as
 * its bin ({@code V_j = c}); a categorical column with more categories than {@code maxBins} is
 * binned as an ordinal numeric column. Missing values (NaN) of every column go to their own bin,
 * code {@code V_j}. So each column uses {@code V_j + 1 <= 256} codes.
 *
 * <p><b>Layout.</b> Codes are stored row-major ({@code codes[row * cols + col]}), so that building a
 * histogram over the rows of one tree node touches one short contiguous run per row (the
 * row-wise layout LightGBM picks for few features and many rows); tree growers copy these rows
 * into node order. Histograms of all columns live in
 * one flat array; column {@code j} owns slots {@code [offset(j), offset(j) + V_j + 1)}.
 *
 * <p>Bin boundaries are computed from at most {@value #BIN_SAMPLE_ROWS} evenly spaced rows.
 * Immutable and thread-safe; {@link #codes()} hands out the internal array, read-only by contract.
 */
public final class BinnedFeatures {

    /** Rows used to find bin boundaries (evenly spaced when the matrix is larger). */
    public static final int BIN_SAMPLE_ROWS = 200_000;
    /** Largest allowed number of value bins per column (one more code is kept for missing values). */
    public static final int MAX_BINS = 255;

    private static final int MAP_CHUNK = 16_384;

    private final int rows;
    private final int cols;
    private final byte[] codes;
    private final int[] valueBins;
    private final int[] offsets;
    private final int totalBins;
    private final boolean[] categorical;
    private final double[][] upper;
    private final String[] names;

    private BinnedFeatures(int rows, int cols, byte[] codes, int[] valueBins, boolean[] categorical,
                           double[][] upper, String[] names) {
        this.rows = rows;
        this.cols = cols;
        this.codes = codes;
        this.valueBins = valueBins;
        this.categorical = categorical;
        this.upper = upper;
        this.names = names;
        this.offsets = new int[cols + 1];
        for (int j = 0; j < cols; j++) {
            offsets[j + 1] = offsets[j] + valueBins[j] + 1;
        }
        this.totalBins = offsets[cols];
    }

    /**
     * Rejects a bin count outside [2, {@value #MAX_BINS}] with a message naming the value; the
     * check every tree config and {@link #build} share.
     */
    public static void checkMaxBins(int maxBins) {
        if (maxBins < 2 || maxBins > MAX_BINS) {
            throw new IllegalArgumentException("maxBins must be in [2, " + MAX_BINS + "], was " + maxBins);
        }
    }

    /**
     * Bins every column of {@code x}.
     *
     * @param x       the training matrix (labels are ignored here)
     * @param maxBins value bins per column, in [2, 255]
     * @param pool    pool for mapping rows in parallel, or null to run in the caller
     * @throws IllegalArgumentException for a bad {@code maxBins}, an empty matrix, a matrix too large
     *                                  to index, or a categorical cell that is not a valid code
     */
    public static BinnedFeatures build(FeatureMatrix x, int maxBins, ForkJoinPool pool) {
        checkMaxBins(maxBins);
        int n = x.rows();
        int p = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot bin a matrix with no rows");
        }
        if (p == 0) {
            throw new IllegalArgumentException("cannot bin a matrix with no columns");
        }
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + n + " x " + p + " cells is too large to bin (limit 2^31 cells)");
        }
        double[] v = x.rawValues();
        int[] valueBins = new int[p];
        boolean[] cat = new boolean[p];
        double[][] upper = new double[p][];
        int sample = Math.min(n, BIN_SAMPLE_ROWS);
        double[] buf = new double[sample];
        for (int j = 0; j < p; j++) {
            int card = x.cardinality(j);
            if (card > 0 && card <= maxBins) {
                cat[j] = true;
                valueBins[j] = card;
                continue;
            }
            int m = 0;
            for (int s = 0; s < sample; s++) {
                int r = (int) ((long) s * n / sample);
                double val = v[r * p + j];
                if (!Double.isNaN(val)) {
                    buf[m++] = val;
                }
            }
            upper[j] = quantileBounds(buf, m, maxBins);
            valueBins[j] = upper[j].length;
        }
        String[] names = x.names();
        BinnedFeatures shell = new BinnedFeatures(n, p, new byte[n * p], valueBins, cat, upper, names);
        int chunks = (n + MAP_CHUNK - 1) / MAP_CHUNK;
        if (pool == null || pool.getParallelism() <= 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                shell.mapRows(v, c * MAP_CHUNK, Math.min(n, (c + 1) * MAP_CHUNK));
            }
        } else {
            pool.invoke(new MapTask(shell, v, 0, chunks));
        }
        return shell;
    }

    private static final class MapTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient BinnedFeatures target;
        private final transient double[] values;
        private final int from;
        private final int to;

        MapTask(BinnedFeatures target, double[] values, int from, int to) {
            this.target = target;
            this.values = values;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                target.mapRows(values, from * MAP_CHUNK, Math.min(target.rows, (from + 1) * MAP_CHUNK));
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new MapTask(target, values, from, mid), new MapTask(target, values, mid, to));
        }
    }

    private void mapRows(double[] v, int from, int to) {
        int p = cols;
        for (int r = from; r < to; r++) {
            int base = r * p;
            for (int j = 0; j < p; j++) {
                codes[base + j] = (byte) code(j, v[base + j], r);
            }
        }
    }

    private int code(int j, double val, int row) {
        if (Double.isNaN(val)) {
            return valueBins[j];
        }
        if (categorical[j]) {
            int c = (int) val;
            if (c != val || c < 0 || c >= valueBins[j]) {
                throw new IllegalArgumentException("column '" + names[j] + "' row " + row
                        + ": category code must be an integer in [0, " + valueBins[j] + "), was " + val);
            }
            return c;
        }
        return binOf(upper[j], val);
    }

    /** Index of the first bound {@code >= val}; bounds end with +inf. */
    static int binOf(double[] bounds, double val) {
        int lo = 0;
        int hi = bounds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (val <= bounds[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Upper bounds of at most {@code maxBins} quantile bins over {@code vals[0..m)} (sorted in place);
     * the last bound is +inf. With no values, one empty bin.
     */
    static double[] quantileBounds(double[] vals, int m, int maxBins) {
        if (m == 0) {
            return new double[] {Double.POSITIVE_INFINITY};
        }
        Arrays.sort(vals, 0, m);
        double[] distinct = new double[m];
        int[] count = new int[m];
        int nd = 0;
        for (int i = 0; i < m; i++) {
            if (nd > 0 && vals[i] == distinct[nd - 1]) {
                count[nd - 1]++;
            } else {
                distinct[nd] = vals[i];
                count[nd++] = 1;
            }
        }
        double[] bounds = new double[Math.min(nd, maxBins)];
        int nb = 0;
        if (nd <= maxBins) {
            for (int i = 0; i < nd - 1; i++) {
                bounds[nb++] = between(distinct[i], distinct[i + 1]);
            }
            bounds[nb++] = Double.POSITIVE_INFINITY;
            return bounds;
        }
        // Greedy equal-weight bins; a heavy value gets a bin of its own.
        long remaining = m;
        int binsLeft = maxBins;
        long cur = 0;
        for (int i = 0; i < nd; i++) {
            if (binsLeft == 1) {
                break;
            }
            double mean = (double) remaining / binsLeft;
            if (cur > 0 && count[i] >= mean) {
                bounds[nb++] = between(distinct[i - 1], distinct[i]);
                binsLeft--;
                remaining -= cur;
                cur = 0;
                if (binsLeft == 1) {
                    break;
                }
                mean = (double) remaining / binsLeft;
            }
            cur += count[i];
            if (cur >= mean && i < nd - 1) {
                bounds[nb++] = between(distinct[i], distinct[i + 1]);
                binsLeft--;
                remaining -= cur;
                cur = 0;
            }
        }
        bounds[nb++] = Double.POSITIVE_INFINITY;
        return Arrays.copyOf(bounds, nb);
    }

    private static double between(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a;
        }
        double mid = a + (b - a) * 0.5;
        return mid >= b ? a : mid;
    }

    /** Number of rows n. */
    public int rows() {
        return rows;
    }

    /** Number of columns p. */
    public int cols() {
        return cols;
    }

    /**
     * The row-major n x p code array (unsigned bytes), not copied; callers must not modify it.
     */
    public byte[] codes() {
        return codes;
    }

    /** Code of cell (row, col) in [0, valueBins(col)]; {@code valueBins(col)} means missing. */
    public int code(int row, int col) {
        return codes[row * cols + col] & 0xFF;
    }

    /** Number of value bins V of column {@code col}; code V is the missing-value bin. */
    public int valueBins(int col) {
        return valueBins[col];
    }

    /** First histogram slot of column {@code col}; the column owns {@code valueBins(col) + 1} slots. */
    public int offset(int col) {
        return offsets[col];
    }

    /** Histogram slots over all columns: sum of {@code valueBins(j) + 1}. */
    public int totalBins() {
        return totalBins;
    }

    /** True when column {@code col} is binned by category code (split by category sets). */
    public boolean isCategorical(int col) {
        return categorical[col];
    }

    /**
     * Upper bound of value bin {@code bin} of numeric column {@code col} ({@code +inf} for the last
     * bin): a raw value {@code v} falls in bins {@code 0..bin} exactly when {@code v <= upperBound}.
     */
    public double upperBound(int col, int bin) {
        if (categorical[col]) {
            throw new IllegalStateException("column '" + names[col] + "' is categorical and has no bin bounds");
        }
        return upper[col][bin];
    }

    /** Column names (a copy). */
    public String[] names() {
        return names.clone();
    }

    /** First histogram slot of every column plus the total at index p (a copy, length p + 1). */
    public int[] offsets() {
        return offsets.clone();
    }

    int[] offsetsArray() {
        return offsets;
    }

    int[] valueBinsArray() {
        return valueBins;
    }

    boolean[] categoricalArray() {
        return categorical;
    }
}
