package io.github.recsys.als;

import io.github.recsys.linalg.FloatKernels;

/**
 * The conjugate-gradient row solver of implicit ALS (Takács, Pilászy and Tikk, "Applications of the
 * conjugate gradient method for implicit feedback collaborative filtering", RecSys 2011).
 *
 * <p>For one row (a user when solving users; an item when solving items) with stored entries j of
 * strength {@code v_j} and the other side's factors {@code y_j}, it approximately solves
 * {@code (YᵀY + reg*I + sum_j alpha*v_j*y_j y_jᵀ) x = sum_j (1 + alpha*v_j) y_j}, starting from the
 * current {@code x} (warm start). The matrix is never formed: each product is
 * {@code YᵀY p + reg*p + sum_j alpha*v_j*(y_j . p)*y_j}. Stopping rule: {@code steps} CG iterations,
 * or earlier when the squared residual norm {@code |r|^2} falls below {@code tolerance} (checked before
 * the first step and after each step), or when the curvature {@code p.Ap} is not positive. A row with no
 * stored entries gets zero factors. One step costs about {@code 2k^2 + 4k*nnz_row} flops.
 *
 * <p>Low-level and allocation-free: vectors are in float, scratch comes from a {@link Scratch} owned
 * by the calling thread. Exposed for the benchmarks; most callers want {@link AlsTrainer}.
 */
public final class CgFactorSolver {

    private CgFactorSolver() {
    }

    /** Per-thread scratch vectors for rank k. Not thread-safe: one per thread. */
    public static final class Scratch {
        final float[] x;
        final float[] r;
        final float[] p;
        final float[] ap;

        /** Scratch for rank {@code k}. */
        public Scratch(int k) {
            x = new float[k];
            r = new float[k];
            p = new float[k];
            ap = new float[k];
        }
    }

    /**
     * Updates one row's factors in place.
     *
     * @param kernels   float kernels
     * @param gram      {@code YᵀY}, k x k row-major, symmetric (without regularization); not modified
     * @param k         rank
     * @param y         the other side's factors, rows x k row-major; not modified
     * @param idx       column index (row of {@code y}) of each stored entry; not modified
     * @param val       strength of each stored entry; not modified
     * @param from      first stored entry of the row in {@code idx}/{@code val}
     * @param to        one past the last stored entry
     * @param alpha     confidence slope
     * @param reg       this row's diagonal regularization ({@link AlsConfig#rowRegularization(int)})
     * @param steps     maximum CG steps, &gt; 0
     * @param tolerance threshold on the squared residual norm
     * @param x         factor matrix being solved; row at {@code [xOff, xOff+k)} is read and overwritten
     * @param xOff      offset of the row in {@code x}
     * @param s         scratch of rank k
     */
    public static void solveRow(FloatKernels kernels, float[] gram, int k, float[] y, int[] idx, float[] val,
                                int from, int to, float alpha, float reg, int steps, float tolerance,
                                float[] x, int xOff, Scratch s) {
        if (from == to) {
            java.util.Arrays.fill(x, xOff, xOff + k, 0f);
            return;
        }
        float[] xv = s.x;
        float[] r = s.r;
        float[] p = s.p;
        float[] ap = s.ap;
        System.arraycopy(x, xOff, xv, 0, k);
        // r = b - A x = -(YᵀY + reg I) x + sum_j (1 + alpha v_j (1 - y_j.x)) y_j
        kernels.symv(gram, xv, reg, ap, k);
        for (int j = 0; j < k; j++) {
            r[j] = -ap[j];
        }
        kernels.sparseResidual(y, idx, val, from, to, alpha, xv, r, k);
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = kernels.dot(r, 0, r, 0, k);
        if (!(rsOld >= tolerance)) {
            return; // already converged (or NaN: leave the row untouched)
        }
        for (int step = 0; step < steps; step++) {
            kernels.symv(gram, p, reg, ap, k);
            kernels.sparseOperator(y, idx, val, from, to, alpha, p, ap, k);
            float pAp = kernels.dot(p, 0, ap, 0, k);
            if (!(pAp > 0f)) {
                break;
            }
            float a = rsOld / pAp;
            kernels.axpy(a, p, 0, xv, 0, k);
            kernels.axpy(-a, ap, 0, r, 0, k);
            float rsNew = kernels.dot(r, 0, r, 0, k);
            if (rsNew < tolerance) {
                break;
            }
            kernels.xpby(r, rsNew / rsOld, p, k);
            rsOld = rsNew;
        }
        System.arraycopy(xv, 0, x, xOff, k);
    }
}
