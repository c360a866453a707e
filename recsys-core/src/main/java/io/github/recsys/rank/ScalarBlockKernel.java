package io.github.recsys.rank;

/**
 * The plain-Java {@link BlockKernel}: per block, the lanes' accumulators live in the output array and
 * are updated with {@link Math#fma(float, float, float)} (C2 may vectorize the lane loop).
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
            final int base = (firstBlock + b) * stride;
            final int o = b * LANES;
            for (int j = 0; j < LANES; j++) {
                out[o + j] = 0f;
            }
            for (int f = 0; f < k; f++) {
                final float x = query[f];
                final int row = base + f * LANES;
                for (int j = 0; j < LANES; j++) {
                    out[o + j] = Math.fma(x, blocked[row + j], out[o + j]);
                }
            }
        }
        return true;
    }

    @Override
    public long scoreMulti(float[] blocked, int k, float[] queries, int nq, int firstBlock, int count, float[] out,
                           int outStride, float[] atLeast) {
        final int stride = k * LANES;
        for (int j = 0; j < nq; j++) {
            final int q = j * k;
            final int w = j * outStride;
            for (int b = 0; b < count; b++) {
                final int base = (firstBlock + b) * stride;
                final int o = w + b * LANES;
                for (int t = 0; t < LANES; t++) {
                    out[o + t] = 0f;
                }
                for (int f = 0; f < k; f++) {
                    final float x = queries[q + f];
                    final int row = base + f * LANES;
                    for (int t = 0; t < LANES; t++) {
                        out[o + t] = Math.fma(x, blocked[row + t], out[o + t]);
                    }
                }
            }
        }
        return nq == 64 ? -1L : (1L << nq) - 1;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
