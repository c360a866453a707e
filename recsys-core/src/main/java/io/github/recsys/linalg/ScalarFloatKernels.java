package io.github.recsys.linalg;

/**
 * Plain-Java kernels for any Java 17 runtime: dot products with eight independent accumulators,
 * axpy-style loops left simple so that C2's auto-vectorizer handles them, Gram updates four rows at a
 * time. Float reductions are not auto-vectorized, so the fused sparse loops are load-bound here; the
 * SIMD kernels are about ten times faster. Stateless.
 */
final class ScalarFloatKernels implements FloatKernels {

    static final ScalarFloatKernels INSTANCE = new ScalarFloatKernels();

    private ScalarFloatKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        // Eight independent accumulators: no single add chain limits the loop.
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int ia = aOff + j;
            int ib = bOff + j;
            s0 += a[ia] * b[ib];
            s1 += a[ia + 1] * b[ib + 1];
            s2 += a[ia + 2] * b[ib + 2];
            s3 += a[ia + 3] * b[ib + 3];
            s4 += a[ia + 4] * b[ib + 4];
            s5 += a[ia + 5] * b[ib + 5];
            s6 += a[ia + 6] * b[ib + 6];
            s7 += a[ia + 7] * b[ib + 7];
        }
        for (; j < n; j++) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        // A plain counted loop: C2's superword pass turns it into SIMD code by itself.
        for (int j = 0; j < n; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    @Override
    public void xpby(float[] x, float beta, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = x[j] + beta * y[j];
        }
    }

    @Override
    public void symv(float[] g, float[] v, float shift, float[] out, int k) {
        // Column form (g is symmetric): out = sum_b v[b] * g[b, :], no horizontal reductions.
        for (int j = 0; j < k; j++) {
            out[j] = shift * v[j];
        }
        for (int b = 0; b < k; b++) {
            axpy(v[b], g, b * k, out, 0, k);
        }
    }

    @Override
    public void gramAdd(float[] y, int from, int to, int k, float[] out) {
        // Four rows per pass over the upper triangle: a quarter of the read-modify-writes of out.
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
                int row = a * k;
                for (int b = a; b < k; b++) {
                    out[row + b] += (c0 * y[o0 + b] + c1 * y[o1 + b]) + (c2 * y[o2 + b] + c3 * y[o3 + b]);
                }
            }
        }
        for (; r < to; r++) {
            int o0 = r * k;
            for (int a = 0; a < k; a++) {
                float c0 = y[o0 + a];
                int row = a * k;
                for (int b = a; b < k; b++) {
                    out[row + b] += c0 * y[o0 + b];
                }
            }
        }
    }

    @Override
    public void sparseOperator(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                               float[] x, float[] out, int k) {
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            float d = dot(y, off, x, 0, k);
            axpy(alpha * val[p] * d, y, off, out, 0, k);
        }
    }

    @Override
    public void sparseResidual(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                               float[] x, float[] out, int k) {
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            float d = dot(y, off, x, 0, k);
            axpy(1f + alpha * val[p] * (1f - d), y, off, out, 0, k);
        }
    }
}
