package io.github.recsys.als;

/**
 * In-place Cholesky factorization and solve of a small dense symmetric positive-definite {@code k x k}
 * system on a flat row-major {@code double[]}; only the lower triangle is read. Used by fold-in and
 * explain, where EJML's per-call objects would be overhead. Stateless.
 */
final class SmallCholesky {

    private SmallCholesky() {
    }

    /**
     * Overwrites the lower triangle of {@code a} with L such that {@code A = L Lᵀ}.
     *
     * @return false when A is not (numerically) positive definite
     */
    static boolean decompose(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            int rj = j * k;
            double d = a[rj + j];
            for (int p = 0; p < j; p++) {
                d -= a[rj + p] * a[rj + p];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < k; i++) {
                int ri = i * k;
                double s = a[ri + j];
                for (int p = 0; p < j; p++) {
                    s -= a[ri + p] * a[rj + p];
                }
                a[ri + j] = s * inv;
            }
        }
        return true;
    }

    /** Solves {@code L Lᵀ x = b} in place ({@code b} becomes x), with L from {@link #decompose}. */
    static void solve(double[] l, int k, double[] b) {
        for (int i = 0; i < k; i++) {
            int ri = i * k;
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= l[ri + p] * b[p];
            }
            b[i] = s / l[ri + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int p = i + 1; p < k; p++) {
                s -= l[p * k + i] * b[p];
            }
            b[i] = s / l[i * k + i];
        }
    }
}
