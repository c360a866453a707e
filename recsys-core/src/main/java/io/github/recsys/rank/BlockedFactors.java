package io.github.recsys.rank;

import java.util.Objects;

/**
 * A read-only copy of a rows x k factor matrix (typically the item factors of a model) laid out in
 * k-major blocks for scoring one query vector against every row: block {@code b} holds rows
 * {@code b*L .. b*L+L-1} as {@code k} consecutive runs of {@code L} floats (factor 0 of the L rows, then
 * factor 1, ...), where L is the block width of the scoring kernel (16 for the scalar kernel; eight
 * SIMD vectors, 128 with AVX-512, with {@code --add-modules jdk.incubator.vector}). The last block is
 * padded with zero rows. Memory: {@code 4 * k * ceil(rows/L) * L} bytes.
 *
 * <p>Scores: the score of row {@code i} for query {@code q} is the float dot product computed as the
 * sequential fused-multiply-add chain {@code acc = fma(q[f], y[i][f], acc)}, {@code f = 0..k-1},
 * starting at 0 — the same value from {@link #score}, {@link #scoreAll}, {@link #selectTopK} and
 * {@link #dot}, whichever kernel (SIMD or scalar) runs, so rankings do not depend on the code path.
 * In a block, L rows advance together (eight SIMD FMAs per factor, one contiguous read), so no
 * horizontal reductions are needed.
 *
 * <p>Immutable and thread-safe; the scratch arrays passed to methods belong to the caller.
 */
public final class BlockedFactors {

    /** Items scored per kernel call in {@link #selectTopK} (rounded up to whole blocks). */
    static final int GROUP_ITEMS = 128;

    private final int rows;
    private final int k;
    private final int lanes;
    private final int blocks;
    private final int groupBlocks;
    private final float[] blocked;
    private final BlockKernel kernel;

    private BlockedFactors(int rows, int k, float[] rowMajor, BlockKernel kernel) {
        this.rows = rows;
        this.k = k;
        this.kernel = kernel;
        this.lanes = kernel.lanes();
        this.blocks = (rows + lanes - 1) / lanes;
        this.groupBlocks = Math.max(1, GROUP_ITEMS / lanes);
        this.blocked = new float[Math.multiplyExact(Math.multiplyExact(blocks, lanes), k)];
        for (int i = 0; i < rows; i++) {
            int b = i / lanes;
            int j = i - b * lanes;
            int base = b * k * lanes + j;
            int src = i * k;
            for (int f = 0; f < k; f++) {
                blocked[base + f * lanes] = rowMajor[src + f];
            }
        }
    }

    /**
     * Copies a row-major matrix into block layout, using the fastest available kernel.
     *
     * @param rowMajor rows x k values, row {@code i} at {@code [i*k, i*k+k)}; not modified
     * @param rows     number of rows, &gt;= 0
     * @param k        factors per row, &gt; 0
     * @throws IllegalArgumentException when the array is shorter than rows * k or a size is invalid
     */
    public static BlockedFactors of(float[] rowMajor, int rows, int k) {
        return of(rowMajor, rows, k, BlockKernels.SELECTED);
    }

    /** As {@link #of(float[], int, int)} with the plain-Java kernel (for comparisons and tests). */
    public static BlockedFactors ofScalar(float[] rowMajor, int rows, int k) {
        return of(rowMajor, rows, k, BlockKernels.SCALAR);
    }

    private static BlockedFactors of(float[] rowMajor, int rows, int k, BlockKernel kernel) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, was " + k);
        }
        if ((long) rows * k > rowMajor.length) {
            throw new IllegalArgumentException("rowMajor has " + rowMajor.length + " values, expected rows * k = "
                    + rows + " * " + k + " = " + (long) rows * k);
        }
        return new BlockedFactors(rows, k, rowMajor, kernel);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Factors per row. */
    public int factors() {
        return k;
    }

    /** Name of the scoring kernel in use, e.g. {@code "vector-512"} or {@code "scalar"}. */
    public String kernelName() {
        return kernel.name();
    }

    /** Length a scratch array for {@link #selectTopK} must have. */
    public int scratchLength() {
        return groupBlocks * lanes;
    }

    /** Bytes held by the block copy. */
    public long memoryBytes() {
        return 4L * blocked.length;
    }

    /**
     * The float dot product of {@code query} and row {@code row} as the fused-multiply-add chain
     * described in the class comment.
     */
    public float score(float[] query, int row) {
        checkQuery(query);
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " out of range [0, " + rows + ")");
        }
        int b = row / lanes;
        int base = b * k * lanes + (row - b * lanes);
        float acc = 0f;
        for (int f = 0; f < k; f++) {
            acc = Math.fma(query[f], blocked[base + f * lanes], acc);
        }
        return acc;
    }

    /**
     * The same chain as {@link #score} on a row-major array: {@code a[off .. off+k)} dotted with
     * {@code query[0 .. k)}. Latency-bound (one chain); meant for a few rows, not for full scans.
     */
    public static float dot(float[] query, float[] a, int off, int k) {
        float acc = 0f;
        for (int f = 0; f < k; f++) {
            acc = Math.fma(query[f], a[off + f], acc);
        }
        return acc;
    }

    /**
     * Scores every row.
     *
     * @param query query vector, length &gt;= k; not modified
     * @param out   receives row {@code i}'s score at {@code out[i]}, length &gt;= rows; modified
     */
    public void scoreAll(float[] query, float[] out) {
        checkQuery(query);
        if (out.length < rows) {
            throw new IllegalArgumentException("out has length " + out.length + ", need rows = " + rows);
        }
        int fullBlocks = rows / lanes;
        if (fullBlocks > 0) {
            kernel.score(blocked, k, query, 0, fullBlocks, out, Float.NEGATIVE_INFINITY);
        }
        if (fullBlocks < blocks) {
            float[] tail = new float[lanes];
            kernel.score(blocked, k, query, fullBlocks, 1, tail, Float.NEGATIVE_INFINITY);
            System.arraycopy(tail, 0, out, fullBlocks * lanes, rows - fullBlocks * lanes);
        }
    }

    /**
     * Offers every row that passes {@code check} to {@code selector} with its score, scanning rows in
     * increasing order and asking {@code check} only for rows whose score reaches the selector's
     * threshold. The selector is not reset: pairs already in it compete too.
     *
     * @param query    query vector, length &gt;= k; not modified
     * @param rowScale when non-null, row {@code i}'s score is multiplied by {@code rowScale[i]} (in
     *                 double) before selection, e.g. inverse norms for cosine; not modified
     * @param selector receives the candidates; modified
     * @param check    which rows may be selected; null accepts all
     * @param scratch  work array of length &gt;= {@link #scratchLength()}; modified
     */
    public void selectTopK(float[] query, double[] rowScale, TopKSelector selector, ItemCheck check, float[] scratch) {
        checkQuery(query);
        if (scratch.length < scratchLength()) {
            throw new IllegalArgumentException("scratch has length " + scratch.length + ", need " + scratchLength());
        }
        if (rowScale != null && rowScale.length < rows) {
            throw new IllegalArgumentException("rowScale has length " + rowScale.length + ", need rows = " + rows);
        }
        if (selector.k() == 0) {
            return;
        }
        double threshold = selector.threshold();
        for (int b = 0; b < blocks; b += groupBlocks) {
            int count = Math.min(groupBlocks, blocks - b);
            // In float, the largest value <= threshold: a group without any score >= it cannot contribute.
            float atLeast = Float.NEGATIVE_INFINITY;
            if (rowScale == null) {
                atLeast = (float) threshold;
                if (atLeast > threshold) {
                    atLeast = Math.nextDown(atLeast);
                }
            }
            if (!kernel.score(blocked, k, query, b, count, scratch, atLeast)) {
                continue;
            }
            int first = b * lanes;
            int n = Math.min(count * lanes, rows - first);
            if (rowScale == null) {
                for (int t = 0; t < n; t++) {
                    double s = scratch[t];
                    if (s >= threshold) {
                        int item = first + t;
                        if ((check == null || check.accept(item)) && selector.offer(item, s)) {
                            threshold = selector.threshold();
                        }
                    }
                }
            } else {
                for (int t = 0; t < n; t++) {
                    int item = first + t;
                    double s = scratch[t] * rowScale[item];
                    if (s >= threshold && (check == null || check.accept(item)) && selector.offer(item, s)) {
                        threshold = selector.threshold();
                    }
                }
            }
        }
    }

    /** Largest number of queries {@link #selectTopKBatch} takes at once. */
    public static final int MAX_BATCH = 64;

    /** Length a scratch array for {@link #selectTopKBatch} with {@code nq} queries must have. */
    public int batchScratchLength(int nq) {
        return nq * groupBlocks * lanes;
    }

    /**
     * {@link #selectTopK} for {@code nq} queries at once (no row scale): each block of rows is read from
     * memory once for all queries, which raises throughput when many users are scored together. Query j's
     * candidates go to {@code selectors[j]}, filtered by {@code checks[j]} (null entries accept all). The
     * selected pairs equal those of {@code nq} separate {@link #selectTopK} calls.
     *
     * @param queries query j at {@code queries[j*k .. j*k+k)}; not modified
     * @param nq      number of queries, in {@code [0, MAX_BATCH]}
     * @param scratch work array of length &gt;= {@link #batchScratchLength(int)}; modified
     */
    public void selectTopKBatch(float[] queries, int nq, TopKSelector[] selectors, ItemCheck[] checks, float[] scratch) {
        if (nq < 0 || nq > MAX_BATCH) {
            throw new IllegalArgumentException("nq must be in [0, " + MAX_BATCH + "], was " + nq);
        }
        if (queries.length < nq * k || selectors.length < nq || checks.length < nq) {
            throw new IllegalArgumentException("queries, selectors or checks shorter than nq = " + nq);
        }
        if (scratch.length < batchScratchLength(nq)) {
            throw new IllegalArgumentException("scratch has length " + scratch.length + ", need " + batchScratchLength(nq));
        }
        final int outStride = groupBlocks * lanes;
        float[] atLeast = new float[nq];
        double[] threshold = new double[nq];
        for (int b = 0; b < blocks; b += groupBlocks) {
            int count = Math.min(groupBlocks, blocks - b);
            for (int j = 0; j < nq; j++) {
                double t = selectors[j].threshold();
                threshold[j] = t;
                float a = (float) t;
                atLeast[j] = a > t ? Math.nextDown(a) : a;
            }
            long mask = kernel.scoreMulti(blocked, k, queries, nq, b, count, scratch, outStride, atLeast);
            if (mask == 0) {
                continue;
            }
            int first = b * lanes;
            int n = Math.min(count * lanes, rows - first);
            for (int j = 0; j < nq; j++) {
                if ((mask & (1L << j)) == 0) {
                    continue;
                }
                TopKSelector sel = selectors[j];
                ItemCheck check = checks[j];
                double t = threshold[j];
                int o = j * outStride;
                for (int i = 0; i < n; i++) {
                    double s = scratch[o + i];
                    if (s >= t) {
                        int item = first + i;
                        if ((check == null || check.accept(item)) && sel.offer(item, s)) {
                            t = sel.threshold();
                        }
                    }
                }
            }
        }
    }

    private void checkQuery(float[] query) {
        if (query.length < k) {
            throw new IllegalArgumentException("query has length " + query.length + ", need k = " + k);
        }
    }
}
