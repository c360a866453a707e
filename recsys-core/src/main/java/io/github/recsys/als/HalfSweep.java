package io.github.recsys.als;

import io.github.recsys.internal.ParallelRange;
import io.github.recsys.linalg.FloatKernels;
import io.github.recsys.linalg.Gram;

import java.util.concurrent.ExecutorService;

/**
 * One ALS half-sweep: re-solves every row of one side's factors with the other side fixed.
 *
 * <p>The sparse side is given as CSR arrays (row pointers, column indices, strengths). Rows are cut
 * into chunks of {@link #ROW_CHUNK} rows processed by {@code threads} workers; each row's solve reads
 * only fixed inputs, so the result is bit-identical for any thread count. {@code YᵀY} is computed once
 * per half-sweep by {@link Gram}. Low-level and exposed for the benchmarks; most callers want
 * {@link AlsTrainer}. Thread-safe (stateless); the factor array being solved is modified.
 */
public final class HalfSweep {

    /** Rows per work chunk. */
    public static final int ROW_CHUNK = 64;

    private HalfSweep() {
    }

    /**
     * Solves all rows of {@code x} by CG (see {@link CgFactorSolver}).
     *
     * @param kernels     float kernels
     * @param ptr         row pointers, length rows+1
     * @param idx         column index of each stored entry
     * @param val         strength of each stored entry (r &gt;= 0)
     * @param rows        number of rows being solved
     * @param x           rows x k factors being solved, modified in place (warm start)
     * @param y           other side's factors, otherRows x k, not modified
     * @param otherRows   number of rows of {@code y}
     * @param k           rank
     * @param alpha       confidence slope
     * @param lambda      regularization
     * @param nu          regularization exponent: the row penalty is {@code lambda * n_row^nu}
     *                    ({@link AlsConfig#rowRegularization(int)})
     * @param steps       CG steps
     * @param tolerance   CG early-exit threshold on the squared residual
     * @param pool        executor, or null for the calling thread
     * @param threads     number of workers
     */
    public static void cg(FloatKernels kernels, int[] ptr, int[] idx, float[] val, int rows, float[] x,
                          float[] y, int otherRows, int k, float alpha, float lambda, double nu,
                          int steps, float tolerance, ExecutorService pool, int threads) {
        float[] gram = Gram.compute(kernels, y, otherRows, k, pool, threads);
        cg(kernels, gram, ptr, idx, val, rows, x, y, k, alpha, lambda, nu, steps, tolerance, pool, threads);
    }

    /** As {@link #cg(FloatKernels, int[], int[], float[], int, float[], float[], int, int, float, float, double, int, float, ExecutorService, int)} with a precomputed {@code YᵀY}. */
    public static void cg(FloatKernels kernels, float[] gram, int[] ptr, int[] idx, float[] val, int rows,
                          float[] x, float[] y, int k, float alpha, float lambda, double nu,
                          int steps, float tolerance, ExecutorService pool, int threads) {
        int chunks = ParallelRange.chunkCount(rows, ROW_CHUNK);
        ParallelRange.run(pool, threads, chunks, w -> {
            CgFactorSolver.Scratch s = new CgFactorSolver.Scratch(k);
            return c -> {
                int end = Math.min(rows, (c + 1) * ROW_CHUNK);
                for (int u = c * ROW_CHUNK; u < end; u++) {
                    int from = ptr[u];
                    int to = ptr[u + 1];
                    float reg = (float) AlsConfig.rowRegularization(lambda, nu, to - from);
                    CgFactorSolver.solveRow(kernels, gram, k, y, idx, val, from, to, alpha, reg, steps, tolerance,
                            x, u * k, s);
                }
            };
        });
    }

    /** Solves all rows exactly by Cholesky; arguments as for CG. */
    static void cholesky(FloatKernels kernels, int[] ptr, int[] idx, float[] val, int rows, float[] x,
                         float[] y, int otherRows, int k, float alpha, double lambda, double nu,
                         ExecutorService pool, int threads, String side) {
        float[] gram = Gram.compute(kernels, y, otherRows, k, pool, threads);
        int chunks = ParallelRange.chunkCount(rows, ROW_CHUNK);
        ParallelRange.run(pool, threads, chunks, w -> {
            CholeskyFactorSolver.Workspace ws = new CholeskyFactorSolver.Workspace(k);
            return c -> {
                int end = Math.min(rows, (c + 1) * ROW_CHUNK);
                for (int u = c * ROW_CHUNK; u < end; u++) {
                    int from = ptr[u];
                    int to = ptr[u + 1];
                    double reg = AlsConfig.rowRegularization(lambda, nu, to - from);
                    CholeskyFactorSolver.solveRow(gram, k, y, idx, val, from, to, alpha, reg, lambda, x, u * k, ws,
                            side, u);
                }
            };
        });
    }
}
