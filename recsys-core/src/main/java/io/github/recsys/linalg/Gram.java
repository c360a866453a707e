package io.github.recsys.linalg;

import io.github.recsys.internal.ParallelRange;

import java.util.concurrent.ExecutorService;

/**
 * The Gram matrix {@code YᵀY} of a {@code rows x k} row-major float matrix, computed in parallel and
 * deterministically: rows are cut into chunks of {@link #CHUNK_ROWS} (independent of the thread count),
 * each chunk is accumulated in float by {@link FloatKernels#gramAdd}, and the chunk sums are added in
 * chunk order in double precision. The result is therefore bit-identical for any thread count (given
 * the same kernels). Thread-safe (stateless).
 */
public final class Gram {

    /** Rows per chunk. */
    public static final int CHUNK_ROWS = 512;

    private Gram() {
    }

    /**
     * Computes {@code YᵀY}.
     *
     * @param kernels kernels to use
     * @param y       {@code rows x k} floats, row-major; not modified
     * @param rows    number of rows of {@code y} to use
     * @param k       number of columns
     * @param pool    executor for the chunks, or null to run in the calling thread
     * @param threads number of workers (&gt;= 1)
     * @return a new {@code k x k} row-major symmetric matrix
     */
    public static float[] compute(FloatKernels kernels, float[] y, int rows, int k, ExecutorService pool, int threads) {
        int chunks = ParallelRange.chunkCount(rows, CHUNK_ROWS);
        float[][] partial = new float[chunks][];
        ParallelRange.run(pool, threads, chunks, w -> c -> {
            float[] acc = new float[k * k];
            int from = c * CHUNK_ROWS;
            kernels.gramAdd(y, from, Math.min(rows, from + CHUNK_ROWS), k, acc);
            partial[c] = acc;
        });
        double[] sum = new double[k * k];
        for (int c = 0; c < chunks; c++) {
            float[] p = partial[c];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += p[j];
            }
            partial[c] = null;
        }
        float[] g = new float[k * k];
        // The kernels fill the upper triangle; mirror it.
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                float v = (float) sum[a * k + b];
                g[a * k + b] = v;
                g[b * k + a] = v;
            }
        }
        return g;
    }
}
