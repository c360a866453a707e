package io.github.recsys.rank;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD {@link BlockKernel} on {@code jdk.incubator.vector}, one block per vector of the preferred
 * species. Eight blocks are scored together so that eight independent FMA chains hide the FMA latency.
 * Loaded only reflectively (see {@link BlockKernels}) when the incubator module is in the boot layer.
 */
final class VectorBlockKernel implements BlockKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Public no-argument constructor for reflective loading. */
    public VectorBlockKernel() {
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public boolean score(float[] blocked, int k, float[] query, int firstBlock, int count, float[] out, float atLeast) {
        final int stride = k * L;
        boolean any = false;
        int b = 0;
        for (; b + 8 <= count; b += 8) {
            final int o0 = (firstBlock + b) * stride;
            final int o1 = o0 + stride;
            final int o2 = o1 + stride;
            final int o3 = o2 + stride;
            final int o4 = o3 + stride;
            final int o5 = o4 + stride;
            final int o6 = o5 + stride;
            final int o7 = o6 + stride;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            FloatVector a4 = a0;
            FloatVector a5 = a0;
            FloatVector a6 = a0;
            FloatVector a7 = a0;
            for (int f = 0, r = 0; f < k; f++, r += L) {
                FloatVector x = FloatVector.broadcast(S, query[f]);
                a0 = x.fma(FloatVector.fromArray(S, blocked, o0 + r), a0);
                a1 = x.fma(FloatVector.fromArray(S, blocked, o1 + r), a1);
                a2 = x.fma(FloatVector.fromArray(S, blocked, o2 + r), a2);
                a3 = x.fma(FloatVector.fromArray(S, blocked, o3 + r), a3);
                a4 = x.fma(FloatVector.fromArray(S, blocked, o4 + r), a4);
                a5 = x.fma(FloatVector.fromArray(S, blocked, o5 + r), a5);
                a6 = x.fma(FloatVector.fromArray(S, blocked, o6 + r), a6);
                a7 = x.fma(FloatVector.fromArray(S, blocked, o7 + r), a7);
            }
            final int w = b * L;
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
        for (; b < count; b++) {
            final int o = (firstBlock + b) * stride;
            FloatVector a = FloatVector.zero(S);
            for (int f = 0, r = 0; f < k; f++, r += L) {
                a = FloatVector.broadcast(S, query[f]).fma(FloatVector.fromArray(S, blocked, o + r), a);
            }
            a.intoArray(out, b * L);
            any |= a.compare(VectorOperators.GE, atLeast).anyTrue();
        }
        return any;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
