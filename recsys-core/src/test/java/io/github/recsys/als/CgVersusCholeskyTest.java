package io.github.recsys.als;

import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.internal.Internals;
import io.github.recsys.linalg.FloatKernels;
import io.github.recsys.linalg.Gram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CG against the exact solvers: on random row systems CG with k steps reaches the Cholesky solution,
 * and Cholesky itself matches a dense double-precision solve built straight from the definition
 * (sum over all items of c (p - x.y)^2 + reg |x|^2).
 */
class CgVersusCholeskyTest {

    /** Dense reference: A = sum_i c_i y_i y_iᵀ + reg I, b = sum_i c_i p_i y_i, solved by Gaussian elimination. */
    private static double[] denseSolve(float[] y, int items, int k, int[] idx, float[] val, int from, int to,
                                       double alpha, double reg) {
        double[] c = new double[items];
        double[] pref = new double[items];
        java.util.Arrays.fill(c, 1);
        for (int p = from; p < to; p++) {
            c[idx[p]] = 1 + alpha * val[p];
            pref[idx[p]] = 1;
        }
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < items; i++) {
            for (int r = 0; r < k; r++) {
                for (int s = 0; s < k; s++) {
                    a[r][s] += c[i] * y[i * k + r] * y[i * k + s];
                }
                a[r][k] += c[i] * pref[i] * y[i * k + r];
            }
        }
        for (int r = 0; r < k; r++) {
            a[r][r] += reg;
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int s = col; s <= k; s++) {
                        a[r][s] -= f * a[col][s];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int r = 0; r < k; r++) {
            x[r] = a[r][k] / a[r][r];
        }
        return x;
    }

    private static float[] randomFactors(int rows, int k, SplittableRandom rng) {
        float[] f = new float[rows * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (rng.nextDouble() * 0.4 - 0.1);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 33})
    void cgWithEnoughStepsMatchesCholeskyAndDenseReference(int k) {
        SplittableRandom rng = new SplittableRandom(k);
        int items = 80;
        float[] y = randomFactors(items, k, rng);
        float[] gram = Gram.compute(FloatKernels.scalar(), y, items, k, null, 1);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(30);
            int[] idx = rng.ints(0, items).distinct().limit(n).sorted().toArray();
            float[] val = new float[n];
            for (int p = 0; p < n; p++) {
                val[p] = 1 + rng.nextInt(10);
            }
            float alpha = 2f;
            float reg = 0.1f * (1 + trial % 3);
            double[] ref = denseSolve(y, items, k, idx, val, 0, n, alpha, reg);

            float[] chol = new float[k];
            CholeskyFactorSolver.solveRow(gram, k, y, idx, val, 0, n, alpha, reg, reg, chol, 0,
                    new CholeskyFactorSolver.Workspace(k), "user", trial);
            double scale = 0;
            for (double v : ref) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int f = 0; f < k; f++) {
                assertThat(Math.abs(chol[f] - ref[f])).as("cholesky k=%d trial=%d", k, trial).isLessThan(1e-4 * scale);
            }
            for (FloatKernels kern : kernels()) {
                float[] cg = randomFactors(1, k, rng); // arbitrary warm start
                CgFactorSolver.solveRow(kern, gram, k, y, idx, val, 0, n, alpha, reg, 3 * k, 0f, cg, 0,
                        new CgFactorSolver.Scratch(k));
                for (int f = 0; f < k; f++) {
                    assertThat(Math.abs(cg[f] - ref[f])).as("%s k=%d trial=%d", kern.name(), k, trial)
                            .isLessThan(2e-3 * scale);
                }
            }
        }
    }

    @Test
    void threeCgStepsFromWarmStartReduceTheRowObjective() {
        int k = 32;
        SplittableRandom rng = new SplittableRandom(5);
        int items = 100;
        float[] y = randomFactors(items, k, rng);
        float[] gram = Gram.compute(FloatKernels.scalar(), y, items, k, null, 1);
        int[] idx = {1, 5, 9, 20, 40, 77};
        float[] val = {1, 3, 2, 5, 1, 1};
        float[] x = randomFactors(1, k, rng);
        double before = rowObjective(gram, y, k, idx, val, 2, 0.5, x);
        CgFactorSolver.solveRow(FloatKernels.preferred(), gram, k, y, idx, val, 0, idx.length, 2f, 0.5f, 3, 0f, x, 0,
                new CgFactorSolver.Scratch(k));
        double after = rowObjective(gram, y, k, idx, val, 2, 0.5, x);
        assertThat(after).isLessThan(before);
    }

    /** 0.5 xᵀAx - bᵀx for the row system. */
    private static double rowObjective(float[] gram, float[] y, int k, int[] idx, float[] val, double alpha,
                                       double reg, float[] x) {
        double q = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                q += x[a] * (double) gram[a * k + b] * x[b];
            }
            q += reg * x[a] * x[a];
        }
        double lin = 0;
        for (int p = 0; p < idx.length; p++) {
            double d = 0;
            for (int f = 0; f < k; f++) {
                d += (double) y[idx[p] * k + f] * x[f];
            }
            q += alpha * val[p] * d * d;
            lin += (1 + alpha * val[p]) * d;
        }
        return 0.5 * q - lin;
    }

    @Test
    void fullTrainingWithManyCgStepsApproachesCholeskyModel() {
        InteractionMatrix m = AlsTestData.random(120, 80, 0.1, 11);
        AlsConfig.Builder b = AlsConfig.builder().factors(10).regularization(0.5).alpha(3).iterations(10).threads(2);
        AlsModel chol = new AlsTrainer(b.solver(AlsSolver.CHOLESKY).build()).fit(m);
        AlsModel cg3 = new AlsTrainer(b.solver(AlsSolver.CG).cgSteps(3).build()).fit(m);
        AlsModel cg30 = new AlsTrainer(b.solver(AlsSolver.CG).cgSteps(30).cgTolerance(0).build()).fit(m);
        double err3 = maxScoreDiff(chol, cg3, m);
        double err30 = maxScoreDiff(chol, cg30, m);
        assertThat(err30).isLessThan(1e-3);
        assertThat(err30).isLessThan(err3);
        // 3 CG steps per half-sweep reach nearly the loss of exact ALS (within 5% after 10 iterations).
        double l3 = AlsTrainer.loss(m, cg3);
        double lc = AlsTrainer.loss(m, chol);
        assertThat(l3).isBetween(lc * 0.999, lc * 1.05);
    }

    private static double maxScoreDiff(AlsModel a, AlsModel b, InteractionMatrix m) {
        double max = 0;
        for (int u = 0; u < m.rows(); u++) {
            for (int i = 0; i < m.cols(); i++) {
                max = Math.max(max, Math.abs(a.score(u, i) - b.score(u, i)));
            }
        }
        return max;
    }

    @Test
    void halfSweepsWithFrequencyScaledRegularizationMatchDenseReference() {
        InteractionMatrix m = AlsTestData.random(15, 25, 0.3, 3);
        Internals.MatrixAccess acc = Internals.matrix();
        int k = 5;
        SplittableRandom rng = new SplittableRandom(9);
        float[] y = randomFactors(m.cols(), k, rng);
        double lambda = 0.2;
        int[] ptr = acc.rowPtr(m);
        for (double nu : new double[] {1, 0.5}) {
            float[] x = new float[m.rows() * k];
            HalfSweep.cholesky(FloatKernels.scalar(), acc.rowPtr(m), acc.colIdx(m), acc.rowValues(m), m.rows(), x, y,
                    m.cols(), k, 1.5f, lambda, nu, null, 1, "user");
            // CG with k steps from zero is exact in exact arithmetic
            float[] xc = new float[m.rows() * k];
            HalfSweep.cg(FloatKernels.scalar(), acc.rowPtr(m), acc.colIdx(m), acc.rowValues(m), m.rows(), xc, y,
                    m.cols(), k, 1.5f, (float) lambda, nu, k, 1e-20f, null, 1);
            for (int u = 0; u < m.rows(); u++) {
                int n = ptr[u + 1] - ptr[u];
                if (n == 0) {
                    continue;
                }
                double[] ref = denseSolve(y, m.cols(), k, acc.colIdx(m), acc.rowValues(m), ptr[u], ptr[u + 1], 1.5,
                        lambda * Math.pow(n, nu));
                for (int f = 0; f < k; f++) {
                    assertThat((double) x[u * k + f]).as("cholesky nu=%s u=%d", nu, u)
                            .isCloseTo(ref[f], org.assertj.core.api.Assertions.within(1e-4));
                    assertThat((double) xc[u * k + f]).as("cg nu=%s u=%d", nu, u)
                            .isCloseTo(ref[f], org.assertj.core.api.Assertions.within(1e-3));
                }
            }
        }
    }

    private static java.util.List<FloatKernels> kernels() {
        java.util.List<FloatKernels> list = new java.util.ArrayList<>();
        list.add(FloatKernels.scalar());
        if (FloatKernels.vector() != null) {
            list.add(FloatKernels.vector());
        }
        return list;
    }
}
