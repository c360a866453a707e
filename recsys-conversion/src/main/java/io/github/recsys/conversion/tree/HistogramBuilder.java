package io.github.recsys.conversion.tree;

/**
 * Histogram kernels over binned rows: a low-level building block of {@link TreeGrower} (public for
 * the benchmarks). A histogram is a flat {@code double[2 * totalBins]} of pairs {@code (a, b)} per
 * bin slot; column {@code j}'s slots start at {@code offsets[j]} (see {@link BinnedFeatures}). Per-row
 * statistics are interleaved the same way: {@code stats[2r]}, {@code stats[2r+1]}.
 *
 * <p>Accumulation visits rows in the given order and columns in the given order, so the result
 * depends only on the inputs (bit-identical whatever thread runs it). Stateless and thread-safe;
 * concurrent calls must write disjoint slot ranges.
 */
public final class HistogramBuilder {

    private HistogramBuilder() {
    }

    /**
     * Adds the statistics of rows {@code rows[from..to)} to {@code hist} for every column.
     *
     * @param codes   row-major codes, {@code p} per row (not modified)
     * @param offsets first slot of each column (not modified)
     * @param stats   interleaved per-row pairs (not modified)
     * @param hist    histogram to add into (modified)
     */
    public static void accumulateAll(byte[] codes, int p, int[] offsets, int[] rows, int from, int to,
                                     double[] stats, double[] hist) {
        for (int i = from; i < to; i++) {
            int r = rows[i];
            double a = stats[2 * r];
            double b = stats[2 * r + 1];
            int base = r * p;
            for (int j = 0; j < p; j++) {
                int s = (offsets[j] + (codes[base + j] & 0xFF)) << 1;
                hist[s] += a;
                hist[s + 1] += b;
            }
        }
    }

    /**
     * Adds the statistics of rows {@code rows[from..to)} to {@code hist} for the columns
     * {@code features[fFrom..fTo)} only (ascending, distinct).
     */
    public static void accumulate(byte[] codes, int p, int[] offsets, int[] rows, int from, int to,
                                  double[] stats, int[] features, int fFrom, int fTo, double[] hist) {
        if (fFrom == 0 && fTo == p && features[p - 1] == p - 1) {
            accumulateAll(codes, p, offsets, rows, from, to, stats, hist);
            return;
        }
        for (int i = from; i < to; i++) {
            int r = rows[i];
            double a = stats[2 * r];
            double b = stats[2 * r + 1];
            int base = r * p;
            for (int k = fFrom; k < fTo; k++) {
                int j = features[k];
                int s = (offsets[j] + (codes[base + j] & 0xFF)) << 1;
                hist[s] += a;
                hist[s + 1] += b;
            }
        }
    }

    /** Zeroes the slots of columns {@code features[fFrom..fTo)}. */
    public static void clear(int[] offsets, int[] features, int fFrom, int fTo, double[] hist) {
        for (int k = fFrom; k < fTo; k++) {
            int j = features[k];
            java.util.Arrays.fill(hist, offsets[j] << 1, offsets[j + 1] << 1, 0.0);
        }
    }

    /**
     * Histogram subtraction: {@code parent -= child} over the slots of columns
     * {@code features[fFrom..fTo)}, turning the parent's histogram into the sibling's.
     */
    public static void subtract(int[] offsets, int[] features, int fFrom, int fTo, double[] parent, double[] child) {
        for (int k = fFrom; k < fTo; k++) {
            int j = features[k];
            int end = offsets[j + 1] << 1;
            for (int s = offsets[j] << 1; s < end; s++) {
                parent[s] -= child[s];
            }
        }
    }
}
