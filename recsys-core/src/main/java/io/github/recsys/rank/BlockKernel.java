package io.github.recsys.rank;

/**
 * Scores a query vector against item factors stored in k-major blocks of {@link #lanes()} items:
 * block {@code b} occupies {@code blocked[b*k*L .. (b+1)*k*L)}, factor {@code f} of the block's item
 * {@code j} sits at {@code b*k*L + f*L + j}.
 *
 * <p>Every implementation computes each item's score as the same sequential chain of fused
 * multiply-adds, {@code acc = fma(q[f], y[f], acc)} for {@code f = 0 .. k-1} starting from 0, so the
 * vector and scalar kernels give bit-identical floats. Stateless and thread-safe.
 */
interface BlockKernel {

    /** Items per block (8 vectors' worth of float lanes for the SIMD kernel, 16 for the scalar kernel). */
    int lanes();

    /**
     * Scores {@code count} consecutive blocks starting at {@code firstBlock}.
     *
     * @param blocked item factors in block layout; not modified
     * @param k       factors per item
     * @param query   query vector, length &gt;= k; not modified
     * @param out     receives {@code count * lanes()} scores, item {@code firstBlock*L + t} at {@code out[t]}; modified
     * @param atLeast a score bound; pass {@code -Infinity} when the answer is not needed
     * @return true when some written score is {@code >= atLeast} (may also be true when none is)
     */
    boolean score(float[] blocked, int k, float[] query, int firstBlock, int count, float[] out, float atLeast);

    /**
     * Scores {@code nq} queries against {@code count} consecutive blocks: the same per-item values as
     * {@link #score}, but each block is loaded once for all queries.
     *
     * @param queries query {@code j} at {@code queries[j*k .. j*k+k)}, {@code nq <= 64}; not modified
     * @param out     query j's score of item {@code firstBlock*L + t} at {@code out[j*outStride + t]}; modified
     * @param atLeast per-query score bounds (length &gt;= nq); not modified
     * @return bit j set when some score of query j may be {@code >= atLeast[j]}
     */
    long scoreMulti(float[] blocked, int k, float[] queries, int nq, int firstBlock, int count, float[] out,
                    int outStride, float[] atLeast);

    /** A short name for reports ("vector-512", "scalar"). */
    String name();
}
