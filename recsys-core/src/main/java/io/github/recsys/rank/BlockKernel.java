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

    /** Items per block (the vector lane count, or 16 for the scalar kernel). */
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

    /** A short name for reports ("vector-512", "scalar"). */
    String name();
}
