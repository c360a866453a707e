package io.github.recsys.rank;

/**
 * The plain-Java {@link BlockKernel}: 16 lanes per block, the 16 accumulators of a block held in local
 * variables (16 independent {@link Math#fma(float, float, float)} chains per factor step, so the
 * FMA latency is hidden without SIMD).
 */
final class ScalarBlockKernel implements BlockKernel {

    static final int LANES = 16;

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public boolean score(float[] blocked, int k, float[] query, int firstBlock, int count, float[] out, float atLeast) {
        final int stride = k * LANES;
        for (int b = 0; b < count; b++) {
            block(blocked, (firstBlock + b) * stride, k, query, 0, out, b * LANES);
        }
        return true;
    }

    @Override
    public long scoreMulti(float[] blocked, int k, float[] queries, int nq, int firstBlock, int count, float[] out,
                           int outStride, float[] atLeast) {
        final int stride = k * LANES;
        for (int b = 0; b < count; b++) {
            for (int j = 0; j < nq; j++) {
                block(blocked, (firstBlock + b) * stride, k, queries, j * k, out, j * outStride + b * LANES);
            }
        }
        return nq == 64 ? -1L : (1L << nq) - 1;
    }

    /** Scores one block (starting at {@code p}) for the query at {@code query[q .. q+k)} into {@code out[o .. o+16)}. */
    private static void block(float[] y, int p, int k, float[] query, int q, float[] out, int o) {
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f, a4 = 0f, a5 = 0f, a6 = 0f, a7 = 0f;
        float a8 = 0f, a9 = 0f, a10 = 0f, a11 = 0f, a12 = 0f, a13 = 0f, a14 = 0f, a15 = 0f;
        for (int f = 0; f < k; f++, p += LANES) {
            final float x = query[q + f];
            a0 = Math.fma(x, y[p], a0);
            a1 = Math.fma(x, y[p + 1], a1);
            a2 = Math.fma(x, y[p + 2], a2);
            a3 = Math.fma(x, y[p + 3], a3);
            a4 = Math.fma(x, y[p + 4], a4);
            a5 = Math.fma(x, y[p + 5], a5);
            a6 = Math.fma(x, y[p + 6], a6);
            a7 = Math.fma(x, y[p + 7], a7);
            a8 = Math.fma(x, y[p + 8], a8);
            a9 = Math.fma(x, y[p + 9], a9);
            a10 = Math.fma(x, y[p + 10], a10);
            a11 = Math.fma(x, y[p + 11], a11);
            a12 = Math.fma(x, y[p + 12], a12);
            a13 = Math.fma(x, y[p + 13], a13);
            a14 = Math.fma(x, y[p + 14], a14);
            a15 = Math.fma(x, y[p + 15], a15);
        }
        out[o] = a0;
        out[o + 1] = a1;
        out[o + 2] = a2;
        out[o + 3] = a3;
        out[o + 4] = a4;
        out[o + 5] = a5;
        out[o + 6] = a6;
        out[o + 7] = a7;
        out[o + 8] = a8;
        out[o + 9] = a9;
        out[o + 10] = a10;
        out[o + 11] = a11;
        out[o + 12] = a12;
        out[o + 13] = a13;
        out[o + 14] = a14;
        out[o + 15] = a15;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
