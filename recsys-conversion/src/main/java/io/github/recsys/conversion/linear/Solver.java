package io.github.recsys.conversion.linear;

/** Optimizer used by {@link LogisticRegressionTrainer}. */
public enum Solver {
    /** Newton or L-BFGS by problem size; see {@link LogisticRegressionConfig#resolvedSolver(int, int)}. */
    AUTO,
    /**
     * Newton's method (IRLS for the logistic link): one pass per iteration builds the gradient and the
     * (p+1) x (p+1) Hessian, then a Cholesky solve; quadratic convergence, O(n p^2) per iteration.
     * Not available with an L1 penalty.
     */
    NEWTON,
    /**
     * Limited-memory BFGS with backtracking (Armijo) line search; with an L1 penalty it becomes
     * OWL-QN (Andrew and Gao, 2007). O(n p) per iteration.
     */
    LBFGS
}
