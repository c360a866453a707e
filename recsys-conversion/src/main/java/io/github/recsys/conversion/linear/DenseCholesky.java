package io.github.recsys.conversion.linear;

/** In-place Cholesky factorization and solves for small dense symmetric positive-definite matrices. */
final class DenseCholesky {

    private DenseCholesky() {
    }

    /**
     * A pivot smaller than this fraction of its original diagonal entry means the column is (up to
     * rounding) a combination of the previous ones: the matrix is treated as singular.
     */
    static final double RELATIVE_PIVOT_TOLERANCE = 1e-12;

    /**
     * Overwrites the lower triangle of {@code a} (n x n row-major) with L, where A = L L^T.
     *
     * @return false when A is not (numerically) positive definite: a pivot is not above
     *         {@link #RELATIVE_PIVOT_TOLERANCE} times its diagonal entry
     */
    static boolean factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double diag = a[j * n + j];
            double s = diag;
            for (int k = 0; k < j; k++) {
                s -= a[j * n + k] * a[j * n + k];
            }
            if (!(s > RELATIVE_PIVOT_TOLERANCE * diag) || Double.isInfinite(s)) {
                return false;
            }
            double ljj = Math.sqrt(s);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = t / ljj;
            }
        }
        return true;
    }

    /** Solves L L^T x = b in place ({@code b} becomes x), given the factor from {@link #factor}. */
    static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /** Diagonal of A^-1 from the factor of A. */
    static double[] inverseDiagonal(double[] l, int n) {
        double[] out = new double[n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0.0);
            e[j] = 1;
            solve(l, n, e);
            out[j] = e[j];
        }
        return out;
    }
}
