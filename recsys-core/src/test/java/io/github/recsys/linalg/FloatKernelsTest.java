package io.github.recsys.linalg;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each kernel against a double-precision reference, for scalar and (when available) vector kernels. */
class FloatKernelsTest {

    private static float[] rand(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static void check(FloatKernels kern, int k) {
        SplittableRandom r = new SplittableRandom(k * 31L);
        int rows = 37;
        float[] y = rand(r, rows * k);
        float[] x = rand(r, k);
        float tol = 1e-4f * k;
        // dot with offsets
        double ref = 0;
        for (int j = 0; j < k; j++) {
            ref += (double) y[3 * k + j] * x[j];
        }
        assertThat((double) kern.dot(y, 3 * k, x, 0, k)).as("dot k=%d", k).isCloseTo(ref, within((double) tol));
        // axpy
        float[] out = x.clone();
        kern.axpy(0.5f, y, k, out, 0, k);
        for (int j = 0; j < k; j++) {
            assertThat(out[j]).isCloseTo(x[j] + 0.5f * y[k + j], within(1e-6f));
        }
        // xpby
        float[] yy = rand(r, k);
        float[] z = yy.clone();
        kern.xpby(x, 0.25f, z, k);
        for (int j = 0; j < k; j++) {
            assertThat(z[j]).isCloseTo(x[j] + 0.25f * yy[j], within(1e-6f));
        }
        // gram and symv
        float[] g = new float[k * k];
        kern.gramAdd(y, 1, rows, k, g);
        double[] gd = new double[k * k];
        for (int row = 1; row < rows; row++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    gd[a * k + b] += (double) y[row * k + a] * y[row * k + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                assertThat((double) g[a * k + b]).as("gram k=%d", k).isCloseTo(gd[a * k + b], within(1e-4));
            }
        }
        // the public Gram fills the full symmetric square
        g = Gram.compute(kern, y, rows, k, null, 1);
        for (int i = 0; i < k * k; i++) {
            assertThat((double) g[i]).as("Gram k=%d", k).isCloseTo(gd[i] + (double) y[i % k] * y[i / k], within(1e-4));
        }
        float[] sv = new float[k];
        kern.symv(g, x, 0.3f, sv, k);
        for (int a = 0; a < k; a++) {
            double s = 0.3 * x[a];
            for (int b = 0; b < k; b++) {
                s += (gd[a * k + b] + (double) y[a] * y[b]) * x[b];
            }
            assertThat((double) sv[a]).as("symv k=%d", k).isCloseTo(s, within(1e-3 * k));
        }
        // sparse operator and residual
        int[] idx = {5, 0, 36, 12, 5};
        float[] val = {1f, 2f, 0.5f, 3f, 1.5f};
        float[] op = new float[k];
        float[] res = new float[k];
        kern.sparseOperator(y, idx, val, 1, 5, 0.7f, x, op, k);
        kern.sparseResidual(y, idx, val, 1, 5, 0.7f, x, res, k);
        double[] opRef = new double[k];
        double[] resRef = new double[k];
        for (int p = 1; p < 5; p++) {
            double d = 0;
            for (int j = 0; j < k; j++) {
                d += (double) y[idx[p] * k + j] * x[j];
            }
            for (int j = 0; j < k; j++) {
                opRef[j] += 0.7 * val[p] * d * y[idx[p] * k + j];
                resRef[j] += (1 + 0.7 * val[p] * (1 - d)) * y[idx[p] * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            assertThat((double) op[j]).as("operator k=%d", k).isCloseTo(opRef[j], within((double) tol));
            assertThat((double) res[j]).as("residual k=%d", k).isCloseTo(resRef[j], within((double) tol));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 17, 24, 32, 48, 64, 100, 128})
    void scalarKernelsMatchReference(int k) {
        check(FloatKernels.scalar(), k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 17, 24, 32, 48, 64, 100, 128})
    void vectorKernelsMatchReference(int k) {
        FloatKernels v = FloatKernels.vector();
        Assumptions.assumeTrue(v != null, "jdk.incubator.vector not available");
        check(v, k);
    }
}
