package io.github.recsys.als;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The exact row solver: forms {@code A = YᵀY + reg*I + sum_j alpha*v_j*y_j y_jᵀ} and
 * {@code b = sum_j (1 + alpha*v_j) y_j} in double precision and solves {@code A x = b} by Cholesky
 * factorization (EJML). A row with no stored entries gets zero factors. Per-thread state lives in a
 * {@link Workspace}. Package-private reference implementation.
 */
final class CholeskyFactorSolver {

    private CholeskyFactorSolver() {
    }

    /** Per-thread EJML solver and matrices. */
    static final class Workspace {
        final DMatrixRMaj a;
        final DMatrixRMaj b;
        final DMatrixRMaj sol;
        final LinearSolverDense<DMatrixRMaj> solver;

        Workspace(int k) {
            a = new DMatrixRMaj(k, k);
            b = new DMatrixRMaj(k, 1);
            sol = new DMatrixRMaj(k, 1);
            solver = LinearSolverFactory_DDRM.chol(k);
        }
    }

    /**
     * Solves one row exactly and writes it to {@code x[xOff .. xOff+k)}.
     *
     * @throws IllegalStateException naming the side, row and lambda when the system is not positive definite
     */
    static void solveRow(float[] gram, int k, float[] y, int[] idx, float[] val, int from, int to,
                         float alpha, double reg, double lambda, float[] x, int xOff, Workspace w,
                         String side, int row) {
        if (from == to) {
            java.util.Arrays.fill(x, xOff, xOff + k, 0f);
            return;
        }
        double[] a = w.a.data;
        double[] b = w.b.data;
        for (int i = 0; i < k * k; i++) {
            a[i] = gram[i];
        }
        for (int i = 0; i < k; i++) {
            a[i * k + i] += reg;
            b[i] = 0;
        }
        for (int p = from; p < to; p++) {
            int off = idx[p] * k;
            double cm1 = (double) alpha * val[p];
            for (int i = 0; i < k; i++) {
                double yi = y[off + i];
                b[i] += (1 + cm1) * yi;
                double s = cm1 * yi;
                int row0 = i * k;
                for (int j = 0; j <= i; j++) {
                    a[row0 + j] += s * y[off + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                a[j * k + i] = a[i * k + j];
            }
        }
        if (!w.solver.setA(w.a)) {
            throw new IllegalStateException(side + " row " + row + ": system not positive definite; "
                    + "increase regularization (was " + lambda + ")");
        }
        w.solver.solve(w.b, w.sol);
        double[] s = w.sol.data;
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalStateException(side + " row " + row + ": system not positive definite; "
                        + "increase regularization (was " + lambda + ")");
            }
            x[xOff + i] = (float) s[i];
        }
    }
}
