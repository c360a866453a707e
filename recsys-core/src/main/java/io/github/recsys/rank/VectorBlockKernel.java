package io.github.recsys.rank;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD {@link BlockKernel} on {@code jdk.incubator.vector}. A block is eight vectors wide
 * ({@code 8 * L} items for the preferred species of L float lanes: 128 with AVX-512), so each factor
 * step reads one contiguous run of {@code 8 * L} floats and advances eight independent FMA chains,
 * which hides the FMA latency and gives the hardware prefetcher a single stream. Loaded only
 * reflectively (see {@link BlockKernels}) when the incubator module is in the boot layer.
 */
final class VectorBlockKernel implements BlockKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int W = 8 * L;

    /** Public no-argument constructor for reflective loading. */
    public VectorBlockKernel() {
    }

    /** Float lanes of one vector. */
    static int vectorLanes() {
        return L;
    }

    @Override
    public int lanes() {
        return W;
    }

    @Override
    public boolean score(float[] blocked, int k, float[] query, int firstBlock, int count, float[] out, float atLeast) {
        final int stride = k * W;
        boolean any = false;
        for (int b = 0; b < count; b++) {
            int p = (firstBlock + b) * stride;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            FloatVector a4 = a0;
            FloatVector a5 = a0;
            FloatVector a6 = a0;
            FloatVector a7 = a0;
            for (int f = 0; f < k; f++, p += W) {
                FloatVector x = FloatVector.broadcast(S, query[f]);
                a0 = x.fma(FloatVector.fromArray(S, blocked, p), a0);
                a1 = x.fma(FloatVector.fromArray(S, blocked, p + L), a1);
                a2 = x.fma(FloatVector.fromArray(S, blocked, p + 2 * L), a2);
                a3 = x.fma(FloatVector.fromArray(S, blocked, p + 3 * L), a3);
                a4 = x.fma(FloatVector.fromArray(S, blocked, p + 4 * L), a4);
                a5 = x.fma(FloatVector.fromArray(S, blocked, p + 5 * L), a5);
                a6 = x.fma(FloatVector.fromArray(S, blocked, p + 6 * L), a6);
                a7 = x.fma(FloatVector.fromArray(S, blocked, p + 7 * L), a7);
            }
            final int w = b * W;
            a0.intoArray(out, w);
            a1.intoArray(out, w + L);
            a2.intoArray(out, w + 2 * L);
            a3.intoArray(out, w + 3 * L);
            a4.intoArray(out, w + 4 * L);
            a5.intoArray(out, w + 5 * L);
            a6.intoArray(out, w + 6 * L);
            a7.intoArray(out, w + 7 * L);
            FloatVector m = a0.max(a1).max(a2.max(a3)).max(a4.max(a5).max(a6.max(a7)));
            any |= m.compare(VectorOperators.GE, atLeast).anyTrue();
        }
        return any;
    }

    @Override
    public long scoreMulti(float[] blocked, int k, float[] queries, int nq, int firstBlock, int count, float[] out,
                           int outStride, float[] atLeast) {
        final int stride = k * W;
        long mask = 0;
        for (int b = 0; b < count; b++) {
            final int base = (firstBlock + b) * stride;
            // Two vectors (2L items) of the block at a time, for four queries at a time: eight chains.
            for (int g = 0; g < 8; g += 2) {
                final int col = base + g * L;
                final int w = b * W + g * L;
                int j = 0;
                for (; j + 4 <= nq; j += 4) {
                    final int q0 = j * k;
                    final int q1 = q0 + k;
                    final int q2 = q1 + k;
                    final int q3 = q2 + k;
                    FloatVector a00 = FloatVector.zero(S);
                    FloatVector a01 = a00;
                    FloatVector a10 = a00;
                    FloatVector a11 = a00;
                    FloatVector a20 = a00;
                    FloatVector a21 = a00;
                    FloatVector a30 = a00;
                    FloatVector a31 = a00;
                    for (int f = 0, p = col; f < k; f++, p += W) {
                        FloatVector y0 = FloatVector.fromArray(S, blocked, p);
                        FloatVector y1 = FloatVector.fromArray(S, blocked, p + L);
                        FloatVector x0 = FloatVector.broadcast(S, queries[q0 + f]);
                        FloatVector x1 = FloatVector.broadcast(S, queries[q1 + f]);
                        FloatVector x2 = FloatVector.broadcast(S, queries[q2 + f]);
                        FloatVector x3 = FloatVector.broadcast(S, queries[q3 + f]);
                        a00 = x0.fma(y0, a00);
                        a01 = x0.fma(y1, a01);
                        a10 = x1.fma(y0, a10);
                        a11 = x1.fma(y1, a11);
                        a20 = x2.fma(y0, a20);
                        a21 = x2.fma(y1, a21);
                        a30 = x3.fma(y0, a30);
                        a31 = x3.fma(y1, a31);
                    }
                    final int w0 = j * outStride + w;
                    a00.intoArray(out, w0);
                    a01.intoArray(out, w0 + L);
                    a10.intoArray(out, w0 + outStride);
                    a11.intoArray(out, w0 + outStride + L);
                    a20.intoArray(out, w0 + 2 * outStride);
                    a21.intoArray(out, w0 + 2 * outStride + L);
                    a30.intoArray(out, w0 + 3 * outStride);
                    a31.intoArray(out, w0 + 3 * outStride + L);
                    if (a00.max(a01).compare(VectorOperators.GE, atLeast[j]).anyTrue()) {
                        mask |= 1L << j;
                    }
                    if (a10.max(a11).compare(VectorOperators.GE, atLeast[j + 1]).anyTrue()) {
                        mask |= 1L << (j + 1);
                    }
                    if (a20.max(a21).compare(VectorOperators.GE, atLeast[j + 2]).anyTrue()) {
                        mask |= 1L << (j + 2);
                    }
                    if (a30.max(a31).compare(VectorOperators.GE, atLeast[j + 3]).anyTrue()) {
                        mask |= 1L << (j + 3);
                    }
                }
                for (; j < nq; j++) {
                    final int q = j * k;
                    FloatVector a0 = FloatVector.zero(S);
                    FloatVector a1 = a0;
                    for (int f = 0, p = col; f < k; f++, p += W) {
                        FloatVector x = FloatVector.broadcast(S, queries[q + f]);
                        a0 = x.fma(FloatVector.fromArray(S, blocked, p), a0);
                        a1 = x.fma(FloatVector.fromArray(S, blocked, p + L), a1);
                    }
                    final int w0 = j * outStride + w;
                    a0.intoArray(out, w0);
                    a1.intoArray(out, w0 + L);
                    if (a0.max(a1).compare(VectorOperators.GE, atLeast[j]).anyTrue()) {
                        mask |= 1L << j;
                    }
                }
            }
        }
        return mask;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
