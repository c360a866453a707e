package io.github.recsys.linalg;

import io.github.recsys.internal.ParallelRange;

import java.util.concurrent.ExecutorService;

/**
 * The Gram matrix {@code YᵀY} of a {@code rows x k} row-major float matrix, computed in parallel and
 * deterministically: rows are cut into chunks of {@link #CHUNK_ROWS} (independent of the thread count),
 * each chunk is accumulated in float by {@link FloatKernels#gramAdd}, and the chunk sums are added in
 * chunk order in double precision (as soon as each chunk's turn comes, so few partial sums are held). The result is therefore bit-identical for any thread count (given
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
        OrderedSum sum = new OrderedSum(chunks, k * k);
        ParallelRange.run(pool, threads, chunks, w -> c -> {
            float[] acc = new float[k * k];
            int from = c * CHUNK_ROWS;
            kernels.gramAdd(y, from, Math.min(rows, from + CHUNK_ROWS), k, acc);
            sum.offer(c, acc);
        });
        double[] total = sum.result();
        float[] g = new float[k * k];
        // The kernels fill the upper triangle; mirror it.
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                float v = (float) total[a * k + b];
                g[a * k + b] = v;
                g[b * k + a] = v;
            }
        }
        return g;
    }

    /**
     * Adds per-chunk partial sums into a double total strictly in chunk order, as soon as each
     * next chunk is available; only partials that arrived ahead of their turn are kept, so memory
     * stays bounded by the out-of-order window rather than the number of chunks.
     */
    private static final class OrderedSum {
        private final float[][] pending;
        private final double[] total;
        private int next;

        OrderedSum(int chunks, int size) {
            pending = new float[chunks][];
            total = new double[size];
        }

        synchronized void offer(int chunk, float[] partial) {
            pending[chunk] = partial;
            while (next < pending.length && pending[next] != null) {
                float[] p = pending[next];
                for (int j = 0; j < total.length; j++) {
                    total[j] += p[j];
                }
                pending[next++] = null;
            }
        }

        synchronized double[] result() {
            if (next != pending.length) {
                throw new IllegalStateException("chunk " + next + " of " + pending.length + " missing");
            }
            return total;
        }
    }
}
