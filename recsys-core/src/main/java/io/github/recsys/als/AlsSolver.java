package io.github.recsys.als;

/** How each row's least-squares system is solved in an ALS half-sweep. */
public enum AlsSolver {
    /**
     * Conjugate gradient, warm-started from the previous factors, a fixed number of steps
     * ({@link AlsConfig#cgSteps()}); the k x k system is never formed. Cost per row: about
     * {@code cgSteps * (2k^2 + 4k*nnz_row)} flops. The default.
     */
    CG,
    /**
     * Exact solve by Cholesky factorization (EJML) of the formed k x k system. Cost per row:
     * {@code O(k^2 * nnz_row + k^3)}. The reference solver; fine for small data or small k.
     */
    CHOLESKY
}
