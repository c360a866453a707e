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
    public String name() {
        return "scalar";
    }
}
