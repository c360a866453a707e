package io.github.recsys.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on {@code jdk.incubator.vector} with the preferred float species (L lanes) and a scalar
 * tail. Loaded only reflectively by {@link KernelSelector} when the incubator module is in the boot
 * layer, so nothing else links against it.
 *
 * <p>Hot paths: for k equal to 1, 2, 4 or 8 vector lengths (16, 32, 64, 128 floats with AVX-512) the
 * fused sparse loops keep x and the output in registers and read each y row once (dot product,
 * then update); the dot product is summed across lanes by a shuffle butterfly that leaves the sum in
 * every lane (C2 reduces float lanes one by one in order, which was the bottleneck). The symmetric
 * product streams g once into register accumulators. Other k use generic loops. Before C2 compiles
 * them these kernels are very slow, hence {@link #warmUp(int)}. Stateless.
 */
final class VectorFloatKernels implements FloatKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Butterfly shuffles: step s swaps lanes i and i ^ (L >> (s+1)). */
    private static final VectorShuffle<Float>[] BUTTERFLY = butterfly();

    VectorFloatKernels() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] butterfly() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] shuffles = new VectorShuffle[steps];
        for (int st = 0; st < steps; st++) {
            int bit = L >> (st + 1);
            shuffles[st] = VectorShuffle.fromOp(S, i -> i ^ bit);
        }
        return shuffles;
    }

    /**
     * The sum of all lanes of {@code v}, in every lane: log2(L) shuffle-and-add steps, instead of a
     * scalar reduction (which C2 performs lane by lane in order for floats).
     */
    private static FloatVector allLanes(FloatVector v) {
        VectorShuffle<Float>[] b = BUTTERFLY;
        for (int st = 0; st < b.length; st++) {
            v = v.add(v.rearrange(b[st]));
        }
        return v;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    private static final java.util.Set<Integer> WARM = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Calls per kernel in {@link #warmUp(int)}: above C2's invocation thresholds. */
    private static final int WARM_CALLS = 12_000;

    @Override
    public void warmUp(int k) {
        if (k <= 0 || k > 4096 || "false".equals(System.getProperty("recsys.simd.warmup")) || !WARM.add(k)) {
            return;
        }
        float[] y = new float[2 * k];
        float[] x = new float[k];
        float[] out = new float[k];
        float[] g = new float[k * k];
        int[] idx = {1};
        float[] val = {1f};
        float sink = 0;
        for (int i = 0; i < WARM_CALLS; i++) {
            sparseOperator(y, idx, val, 0, 1, 1f, x, out, k);
            sparseResidual(y, idx, val, 0, 1, 1f, x, out, k);
            sink += dot(x, 0, out, 0, k);
            axpy(0f, x, 0, out, 0, k);
            xpby(x, 0f, out, k);
        }
        for (int i = 0; i < WARM_CALLS / 8; i++) {
            symv(g, x, 0f, out, k);
            gramAdd(y, 0, 1, k, g);
        }
        if (sink != 0) {
            java.util.Arrays.fill(out, sink); // keeps the loop from being optimized away
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int j = 0;
        float s = 0f;
        if (n >= L) {
            FloatVector acc = FloatVector.zero(S);
            int bound = S.loopBound(n);
            for (; j < bound; j += L) {
                acc = FloatVector.fromArray(S, a, aOff + j).fma(FloatVector.fromArray(S, b, bOff + j), acc);
            }
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) {
            s += a[aOff + j] * b[bOff + j];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int j = 0;
        int bound = S.loopBound(n);
        if (bound > 0) {
            FloatVector va = FloatVector.broadcast(S, alpha);
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, x, xOff + j).fma(va, FloatVector.fromArray(S, y, yOff + j))
                        .intoArray(y, yOff + j);
            }
        }
        for (; j < n; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    @Override
    public void xpby(float[] x, float beta, float[] y, int n) {
        int j = 0;
        int bound = S.loopBound(n);
        if (bound > 0) {
            FloatVector vb = FloatVector.broadcast(S, beta);
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, y, j).fma(vb, FloatVector.fromArray(S, x, j)).intoArray(y, j);
            }
        }
        for (; j < n; j++) {
            y[j] = x[j] + beta * y[j];
        }
    }

    @Override
    public void symv(float[] g, float[] v, float shift, float[] out, int k) {
        if (k == 4 * L) {
            symv4(g, v, shift, out);
            return;
        } else if (k == 2 * L) {
            symv2(g, v, shift, out);
            return;
        } else if (k == 8 * L) {
            symv8(g, v, shift, out);
            return;
        } else if (k == L) {
            symv1(g, v, shift, out);
            return;
        }
        int bound = S.loopBound(k);
        int j = 0;
        for (; j < bound; j += L) {
            // Two independent accumulation chains over the rows of g.
            FloatVector acc0 = FloatVector.fromArray(S, v, j).mul(shift);
            FloatVector acc1 = FloatVector.zero(S);
            int b = 0;
            for (; b + 1 < k; b += 2) {
                acc0 = FloatVector.fromArray(S, g, b * k + j).fma(FloatVector.broadcast(S, v[b]), acc0);
                acc1 = FloatVector.fromArray(S, g, (b + 1) * k + j).fma(FloatVector.broadcast(S, v[b + 1]), acc1);
            }
            if (b < k) {
                acc0 = FloatVector.fromArray(S, g, b * k + j).fma(FloatVector.broadcast(S, v[b]), acc0);
            }
            acc0.add(acc1).intoArray(out, j);
        }
        for (; j < k; j++) {
            float s = shift * v[j];
            for (int b = 0; b < k; b++) {
                s += g[b * k + j] * v[b];
            }
            out[j] = s;
        }
    }

    /** k == 1 lanes: rows of g are streamed once into 2 register accumulators. */
    private static void symv1(float[] g, float[] v, float shift, float[] out) {
        int k = L;
        FloatVector e0 = FloatVector.fromArray(S, v, 0).mul(shift);
        FloatVector o0 = FloatVector.zero(S);
        for (int b = 0; b < k; b += 2) {
            int r0 = b * k;
            int r1 = r0 + k;
            FloatVector vb0 = FloatVector.broadcast(S, v[b]);
            FloatVector vb1 = FloatVector.broadcast(S, v[b + 1]);
            e0 = FloatVector.fromArray(S, g, r0).fma(vb0, e0);
            o0 = FloatVector.fromArray(S, g, r1).fma(vb1, o0);
        }
        e0.add(o0).intoArray(out, 0);
    }

    /** k == 2 lanes: rows of g are streamed once into 4 register accumulators. */
    private static void symv2(float[] g, float[] v, float shift, float[] out) {
        int k = 2 * L;
        FloatVector e0 = FloatVector.fromArray(S, v, 0).mul(shift);
        FloatVector e1 = FloatVector.fromArray(S, v, L).mul(shift);
        FloatVector o0 = FloatVector.zero(S);
        FloatVector o1 = FloatVector.zero(S);
        for (int b = 0; b < k; b += 2) {
            int r0 = b * k;
            int r1 = r0 + k;
            FloatVector vb0 = FloatVector.broadcast(S, v[b]);
            FloatVector vb1 = FloatVector.broadcast(S, v[b + 1]);
            e0 = FloatVector.fromArray(S, g, r0).fma(vb0, e0);
            e1 = FloatVector.fromArray(S, g, r0 + L).fma(vb0, e1);
            o0 = FloatVector.fromArray(S, g, r1).fma(vb1, o0);
            o1 = FloatVector.fromArray(S, g, r1 + L).fma(vb1, o1);
        }
        e0.add(o0).intoArray(out, 0);
        e1.add(o1).intoArray(out, L);
    }

    /** k == 4 lanes: rows of g are streamed once into 8 register accumulators. */
    private static void symv4(float[] g, float[] v, float shift, float[] out) {
        int k = 4 * L;
        FloatVector e0 = FloatVector.fromArray(S, v, 0).mul(shift);
        FloatVector e1 = FloatVector.fromArray(S, v, L).mul(shift);
        FloatVector e2 = FloatVector.fromArray(S, v, 2 * L).mul(shift);
        FloatVector e3 = FloatVector.fromArray(S, v, 3 * L).mul(shift);
        FloatVector o0 = FloatVector.zero(S);
        FloatVector o1 = FloatVector.zero(S);
        FloatVector o2 = FloatVector.zero(S);
        FloatVector o3 = FloatVector.zero(S);
        for (int b = 0; b < k; b += 2) {
            int r0 = b * k;
            int r1 = r0 + k;
            FloatVector vb0 = FloatVector.broadcast(S, v[b]);
            FloatVector vb1 = FloatVector.broadcast(S, v[b + 1]);
            e0 = FloatVector.fromArray(S, g, r0).fma(vb0, e0);
            e1 = FloatVector.fromArray(S, g, r0 + L).fma(vb0, e1);
            e2 = FloatVector.fromArray(S, g, r0 + 2 * L).fma(vb0, e2);
            e3 = FloatVector.fromArray(S, g, r0 + 3 * L).fma(vb0, e3);
            o0 = FloatVector.fromArray(S, g, r1).fma(vb1, o0);
            o1 = FloatVector.fromArray(S, g, r1 + L).fma(vb1, o1);
            o2 = FloatVector.fromArray(S, g, r1 + 2 * L).fma(vb1, o2);
            o3 = FloatVector.fromArray(S, g, r1 + 3 * L).fma(vb1, o3);
        }
        e0.add(o0).intoArray(out, 0);
        e1.add(o1).intoArray(out, L);
        e2.add(o2).intoArray(out, 2 * L);
        e3.add(o3).intoArray(out, 3 * L);
    }

    /** k == 8 lanes: rows of g are streamed once into 8 register accumulators. */
    private static void symv8(float[] g, float[] v, float shift, float[] out) {
        int k = 8 * L;
        FloatVector e0 = FloatVector.fromArray(S, v, 0).mul(shift);
        FloatVector e1 = FloatVector.fromArray(S, v, L).mul(shift);
        FloatVector e2 = FloatVector.fromArray(S, v, 2 * L).mul(shift);
        FloatVector e3 = FloatVector.fromArray(S, v, 3 * L).mul(shift);
        FloatVector e4 = FloatVector.fromArray(S, v, 4 * L).mul(shift);
        FloatVector e5 = FloatVector.fromArray(S, v, 5 * L).mul(shift);
        FloatVector e6 = FloatVector.fromArray(S, v, 6 * L).mul(shift);
        FloatVector e7 = FloatVector.fromArray(S, v, 7 * L).mul(shift);
        for (int b = 0; b < k; b++) {
            int r0 = b * k;
            FloatVector vb0 = FloatVector.broadcast(S, v[b]);
            e0 = FloatVector.fromArray(S, g, r0).fma(vb0, e0);
            e1 = FloatVector.fromArray(S, g, r0 + L).fma(vb0, e1);
            e2 = FloatVector.fromArray(S, g, r0 + 2 * L).fma(vb0, e2);
            e3 = FloatVector.fromArray(S, g, r0 + 3 * L).fma(vb0, e3);
            e4 = FloatVector.fromArray(S, g, r0 + 4 * L).fma(vb0, e4);
            e5 = FloatVector.fromArray(S, g, r0 + 5 * L).fma(vb0, e5);
            e6 = FloatVector.fromArray(S, g, r0 + 6 * L).fma(vb0, e6);
            e7 = FloatVector.fromArray(S, g, r0 + 7 * L).fma(vb0, e7);
        }
        e0.intoArray(out, 0);
        e1.intoArray(out, L);
        e2.intoArray(out, 2 * L);
        e3.intoArray(out, 3 * L);
        e4.intoArray(out, 4 * L);
        e5.intoArray(out, 5 * L);
        e6.intoArray(out, 6 * L);
        e7.intoArray(out, 7 * L);
    }

    @Override
    public void gramAdd(float[] y, int from, int to, int k, float[] out) {
        int bound = S.loopBound(k);
        int r = from;
        for (; r + 3 < to; r += 4) {
            int o0 = r * k;
            int o1 = o0 + k;
            int o2 = o1 + k;
            int o3 = o2 + k;
            for (int a = 0; a < k; a++) {
                float c0 = y[o0 + a];
                float c1 = y[o1 + a];
                float c2 = y[o2 + a];
                float c3 = y[o3 + a];
                FloatVector b0 = FloatVector.broadcast(S, c0);
                FloatVector b1 = FloatVector.broadcast(S, c1);
                FloatVector b2 = FloatVector.broadcast(S, c2);
                FloatVector b3 = FloatVector.broadcast(S, c3);
                int row = a * k;
                // Upper triangle, from the vector block holding the diagonal.
                int j = Math.min(a - a % L, bound);
                for (; j < bound; j += L) {
                    FloatVector s01 = FloatVector.fromArray(S, y, o0 + j).mul(b0)
                            .add(FloatVector.fromArray(S, y, o1 + j).mul(b1));
                    FloatVector s23 = FloatVector.fromArray(S, y, o2 + j).mul(b2)
                            .add(FloatVector.fromArray(S, y, o3 + j).mul(b3));
                    FloatVector.fromArray(S, out, row + j).add(s01.add(s23)).intoArray(out, row + j);
                }
                for (j = Math.max(j, a); j < k; j++) {
                    out[row + j] += (c0 * y[o0 + j] + c1 * y[o1 + j]) + (c2 * y[o2 + j] + c3 * y[o3 + j]);
                }
            }
        }
        for (; r < to; r++) {
            int o0 = r * k;
            for (int a = 0; a < k; a++) {
                int start = Math.min(a - a % L, bound);
                axpy(y[o0 + a], y, o0 + start, out, a * k + start, k - start);
            }
        }
    }

    @Override
    public void sparseOperator(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                               float[] x, float[] out, int k) {
        if (fused(y, idx, val, from, to, alpha, x, out, k, false)) {
            return;
        }
        int bound = S.loopBound(k);
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            float d = dotAt(y, off, x, k, bound);
            axpyAt(alpha * val[p] * d, y, off, out, k, bound);
        }
    }

    @Override
    public void sparseResidual(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                               float[] x, float[] out, int k) {
        if (fused(y, idx, val, from, to, alpha, x, out, k, true)) {
            return;
        }
        int bound = S.loopBound(k);
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            float d = dotAt(y, off, x, k, bound);
            axpyAt(1f + alpha * val[p] * (1f - d), y, off, out, k, bound);
        }
    }

    /** Register-blocked fused loops for k of 1, 2, 4 or 8 vector lengths; false when k has another size. */
    private static boolean fused(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                                 float[] x, float[] out, int k, boolean residual) {
        if (k == 4 * L) {
            sparse4(y, idx, val, from, to, alpha, x, out, residual);
        } else if (k == 2 * L) {
            sparse2(y, idx, val, from, to, alpha, x, out, residual);
        } else if (k == 8 * L) {
            sparse8(y, idx, val, from, to, alpha, x, out, residual);
        } else if (k == L) {
            sparse1(y, idx, val, from, to, alpha, x, out, residual);
        } else {
            return false;
        }
        return true;
    }

    /** k == 1 lanes: x and the output stay in registers; each y row is loaded once. */
    private static void sparse1(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                                float[] x, float[] out, boolean residual) {
        FloatVector x0 = FloatVector.fromArray(S, x, 0);
        FloatVector a0 = FloatVector.fromArray(S, out, 0);
        int k = L;
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            FloatVector y0 = FloatVector.fromArray(S, y, off);
            FloatVector d = allLanes(y0.mul(x0));
            float cv = alpha * val[p];
            FloatVector c = residual ? d.mul(-cv).add(1f + cv) : d.mul(cv);
            a0 = y0.fma(c, a0);
        }
        a0.intoArray(out, 0);
    }

    /** k == 2 lanes: x and the output stay in registers; each y row is loaded once. */
    private static void sparse2(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                                float[] x, float[] out, boolean residual) {
        FloatVector x0 = FloatVector.fromArray(S, x, 0);
        FloatVector x1 = FloatVector.fromArray(S, x, L);
        FloatVector a0 = FloatVector.fromArray(S, out, 0);
        FloatVector a1 = FloatVector.fromArray(S, out, L);
        int k = 2 * L;
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            FloatVector y0 = FloatVector.fromArray(S, y, off);
            FloatVector y1 = FloatVector.fromArray(S, y, off + L);
            FloatVector d = allLanes(y1.fma(x1, y0.mul(x0)));
            float cv = alpha * val[p];
            FloatVector c = residual ? d.mul(-cv).add(1f + cv) : d.mul(cv);
            a0 = y0.fma(c, a0);
            a1 = y1.fma(c, a1);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, L);
    }

    /** k == 4 lanes: x and the output stay in registers; each y row is loaded once. */
    private static void sparse4(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                                float[] x, float[] out, boolean residual) {
        FloatVector x0 = FloatVector.fromArray(S, x, 0);
        FloatVector x1 = FloatVector.fromArray(S, x, L);
        FloatVector x2 = FloatVector.fromArray(S, x, 2 * L);
        FloatVector x3 = FloatVector.fromArray(S, x, 3 * L);
        FloatVector a0 = FloatVector.fromArray(S, out, 0);
        FloatVector a1 = FloatVector.fromArray(S, out, L);
        FloatVector a2 = FloatVector.fromArray(S, out, 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, out, 3 * L);
        int k = 4 * L;
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            FloatVector y0 = FloatVector.fromArray(S, y, off);
            FloatVector y1 = FloatVector.fromArray(S, y, off + L);
            FloatVector y2 = FloatVector.fromArray(S, y, off + 2 * L);
            FloatVector y3 = FloatVector.fromArray(S, y, off + 3 * L);
            FloatVector d = allLanes(y3.fma(x3, y2.fma(x2, y1.fma(x1, y0.mul(x0)))));
            float cv = alpha * val[p];
            FloatVector c = residual ? d.mul(-cv).add(1f + cv) : d.mul(cv);
            a0 = y0.fma(c, a0);
            a1 = y1.fma(c, a1);
            a2 = y2.fma(c, a2);
            a3 = y3.fma(c, a3);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, L);
        a2.intoArray(out, 2 * L);
        a3.intoArray(out, 3 * L);
    }

    /** k == 8 lanes: x and the output stay in registers; each y row is loaded once. */
    private static void sparse8(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                                float[] x, float[] out, boolean residual) {
        FloatVector x0 = FloatVector.fromArray(S, x, 0);
        FloatVector x1 = FloatVector.fromArray(S, x, L);
        FloatVector x2 = FloatVector.fromArray(S, x, 2 * L);
        FloatVector x3 = FloatVector.fromArray(S, x, 3 * L);
        FloatVector x4 = FloatVector.fromArray(S, x, 4 * L);
        FloatVector x5 = FloatVector.fromArray(S, x, 5 * L);
        FloatVector x6 = FloatVector.fromArray(S, x, 6 * L);
        FloatVector x7 = FloatVector.fromArray(S, x, 7 * L);
        FloatVector a0 = FloatVector.fromArray(S, out, 0);
        FloatVector a1 = FloatVector.fromArray(S, out, L);
        FloatVector a2 = FloatVector.fromArray(S, out, 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, out, 3 * L);
        FloatVector a4 = FloatVector.fromArray(S, out, 4 * L);
        FloatVector a5 = FloatVector.fromArray(S, out, 5 * L);
        FloatVector a6 = FloatVector.fromArray(S, out, 6 * L);
        FloatVector a7 = FloatVector.fromArray(S, out, 7 * L);
        int k = 8 * L;
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            FloatVector y0 = FloatVector.fromArray(S, y, off);
            FloatVector y1 = FloatVector.fromArray(S, y, off + L);
            FloatVector y2 = FloatVector.fromArray(S, y, off + 2 * L);
            FloatVector y3 = FloatVector.fromArray(S, y, off + 3 * L);
            FloatVector y4 = FloatVector.fromArray(S, y, off + 4 * L);
            FloatVector y5 = FloatVector.fromArray(S, y, off + 5 * L);
            FloatVector y6 = FloatVector.fromArray(S, y, off + 6 * L);
            FloatVector y7 = FloatVector.fromArray(S, y, off + 7 * L);
            FloatVector d = allLanes(y3.fma(x3, y2.fma(x2, y1.fma(x1, y0.mul(x0)))).add(y7.fma(x7, y6.fma(x6, y5.fma(x5, y4.mul(x4))))));
            float cv = alpha * val[p];
            FloatVector c = residual ? d.mul(-cv).add(1f + cv) : d.mul(cv);
            a0 = y0.fma(c, a0);
            a1 = y1.fma(c, a1);
            a2 = y2.fma(c, a2);
            a3 = y3.fma(c, a3);
            a4 = y4.fma(c, a4);
            a5 = y5.fma(c, a5);
            a6 = y6.fma(c, a6);
            a7 = y7.fma(c, a7);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, L);
        a2.intoArray(out, 2 * L);
        a3.intoArray(out, 3 * L);
        a4.intoArray(out, 4 * L);
        a5.intoArray(out, 5 * L);
        a6.intoArray(out, 6 * L);
        a7.intoArray(out, 7 * L);
    }

    private static float dotAt(float[] y, int off, float[] x, int k, int bound) {
        int j = 0;
        float d = 0f;
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(S);
            for (; j < bound; j += L) {
                acc = FloatVector.fromArray(S, y, off + j).fma(FloatVector.fromArray(S, x, j), acc);
            }
            d = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < k; j++) {
            d += y[off + j] * x[j];
        }
        return d;
    }

    private static void axpyAt(float c, float[] y, int off, float[] out, int k, int bound) {
        int j = 0;
        if (bound > 0) {
            FloatVector vc = FloatVector.broadcast(S, c);
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, y, off + j).fma(vc, FloatVector.fromArray(S, out, j)).intoArray(out, j);
            }
        }
        for (; j < k; j++) {
            out[j] += c * y[off + j];
        }
    }
}
