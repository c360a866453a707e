package io.github.recsys.conversion.linear;

import java.util.Objects;

/**
 * Validated hyperparameters of {@link LogisticRegressionTrainer}.
 *
 * <p>The minimized objective, with {@code eta_i = intercept + x_i . beta} and
 * {@code c_i = rowWeight_i * (y_i == 1 ? positiveWeight : negativeWeight)}, is
 * <pre>
 *   sum_i c_i [ ln(1 + exp(eta_i)) - y_i eta_i ]  +  (l2 / 2) ||beta||^2  +  l1 ||beta||_1
 * </pre>
 * The loss is <em>summed</em>, not averaged, and the intercept is never penalized. This matches
 * scikit-learn's {@code LogisticRegression(C=...)} with {@code l2 = 1 / C} (its default C = 1
 * is our default l2 = 1).
 *
 * <p>Convergence: iterations stop when the largest absolute entry of the (pseudo-)gradient divided
 * by the total row weight {@code sum_i c_i} is at most {@code tolerance}, i.e. the gradient of the
 * <em>mean</em> loss is below it, so the tolerance does not scale with n.
 *
 * @param l2                  L2 penalty strength lambda &gt;= 0 on the summed loss
 * @param l1                  L1 penalty strength &gt;= 0 (needs the L-BFGS / OWL-QN solver)
 * @param fitIntercept        whether to fit an unpenalized intercept
 * @param positiveWeight      weight multiplier of rows labeled 1, &gt; 0
 * @param negativeWeight      weight multiplier of rows labeled 0, &gt; 0
 * @param maxIterations       iteration cap &gt;= 1 (Newton steps or L-BFGS steps)
 * @param tolerance           stopping threshold on the mean-loss gradient's max-norm, &gt; 0
 * @param solver              optimizer
 * @param threads             worker threads &gt;= 1 for the gradient/Hessian passes; the result does not depend on it
 * @param lbfgsMemory         number of correction pairs L-BFGS keeps, &gt;= 1
 * @param standardErrors      whether to compute standard errors (an extra Hessian pass for L-BFGS; skipped
 *                            above {@link LogisticRegressionTrainer#MAX_STANDARD_ERROR_FEATURES} features)
 */
public record LogisticRegressionConfig(double l2, double l1, boolean fitIntercept, double positiveWeight,
                                       double negativeWeight, int maxIterations, double tolerance, Solver solver,
                                       int threads, int lbfgsMemory, boolean standardErrors) {

    /**
     * Feature count up to which {@link Solver#AUTO} picks Newton. Measured (one thread, n = 200,000,
     * default tolerance): Newton 0.56 s vs L-BFGS 0.20 s at p = 50, 1.62 vs 0.37 s at p = 100; at
     * p = 22 on 2M generated sessions both take about 1.1 s, and on ill-conditioned one-hot data
     * (online shoppers, p = 28) Newton needs 7 passes where L-BFGS needs about 90.
     */
    public static final int AUTO_NEWTON_MAX_FEATURES = 32;

    /** Validates every field; the message names the field and its bad value. */
    public LogisticRegressionConfig {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
        }
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 must be finite and >= 0, was " + l1);
        }
        if (!(positiveWeight > 0) || Double.isInfinite(positiveWeight)) {
            throw new IllegalArgumentException("positiveWeight must be finite and > 0, was " + positiveWeight);
        }
        if (!(negativeWeight > 0) || Double.isInfinite(negativeWeight)) {
            throw new IllegalArgumentException("negativeWeight must be finite and > 0, was " + negativeWeight);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, was " + tolerance);
        }
        Objects.requireNonNull(solver, "solver");
        if (solver == Solver.NEWTON && l1 > 0) {
            throw new IllegalArgumentException("solver NEWTON does not support an L1 penalty (l1 was " + l1
                    + "); use LBFGS or AUTO");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (lbfgsMemory < 1) {
            throw new IllegalArgumentException("lbfgsMemory must be >= 1, was " + lbfgsMemory);
        }
    }

    /**
     * Size below which {@link Solver#AUTO} picks Newton whatever p: when {@code rows * (p+1)^2} is at most
     * this, a Hessian pass costs well under 0.1 s and Newton's few iterations beat L-BFGS on
     * ill-conditioned (e.g. one-hot) data.
     */
    public static final double AUTO_NEWTON_MAX_WORK = 2e8;

    /**
     * The solver actually used for {@code rows} x {@code features} data: the configured one, or for
     * AUTO, Newton when there is no L1 penalty and {@code features <= AUTO_NEWTON_MAX_FEATURES} or
     * {@code rows * (features+1)^2 <= AUTO_NEWTON_MAX_WORK}, else L-BFGS.
     */
    public Solver resolvedSolver(int rows, int features) {
        if (solver != Solver.AUTO) {
            return solver;
        }
        double work = (double) rows * (features + 1.0) * (features + 1.0);
        return l1 == 0 && (features <= AUTO_NEWTON_MAX_FEATURES || work <= AUTO_NEWTON_MAX_WORK)
                ? Solver.NEWTON : Solver.LBFGS;
    }

    /** A builder with the defaults listed on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialized from this config. */
    public Builder toBuilder() {
        return new Builder().l2(l2).l1(l1).fitIntercept(fitIntercept).positiveWeight(positiveWeight)
                .negativeWeight(negativeWeight).maxIterations(maxIterations).tolerance(tolerance).solver(solver)
                .threads(threads).lbfgsMemory(lbfgsMemory).standardErrors(standardErrors);
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private double l2 = 1.0;
        private double l1 = 0.0;
        private boolean fitIntercept = true;
        private double positiveWeight = 1.0;
        private double negativeWeight = 1.0;
        private int maxIterations = 200;
        private double tolerance = 1e-7;
        private Solver solver = Solver.AUTO;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int lbfgsMemory = 10;
        private boolean standardErrors = true;

        private Builder() {
        }

        /** L2 strength on the summed loss (default 1.0 = scikit-learn's C = 1). */
        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        /** L1 strength (default 0). */
        public Builder l1(double v) {
            l1 = v;
            return this;
        }

        /** Fit an intercept (default true). */
        public Builder fitIntercept(boolean v) {
            fitIntercept = v;
            return this;
        }

        /** Weight multiplier of positive rows (default 1). */
        public Builder positiveWeight(double v) {
            positiveWeight = v;
            return this;
        }

        /** Weight multiplier of negative rows (default 1). */
        public Builder negativeWeight(double v) {
            negativeWeight = v;
            return this;
        }

        /**
         * Sets both class weights to scikit-learn's "balanced" values for this class balance:
         * {@code n / (2 n_pos)} and {@code n / (2 n_neg)}.
         */
        public Builder balancedClassWeights(long positives, long negatives) {
            if (positives <= 0 || negatives <= 0) {
                throw new IllegalArgumentException("balanced weights need both classes, had " + positives
                        + " positives and " + negatives + " negatives");
            }
            double n = positives + negatives;
            positiveWeight = n / (2.0 * positives);
            negativeWeight = n / (2.0 * negatives);
            return this;
        }

        /** Iteration cap (default 200). */
        public Builder maxIterations(int v) {
            maxIterations = v;
            return this;
        }

        /** Mean-gradient max-norm tolerance (default 1e-7). */
        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        /** Solver (default AUTO). */
        public Builder solver(Solver v) {
            solver = v;
            return this;
        }

        /** Threads (default: available processors). */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** L-BFGS memory (default 10). */
        public Builder lbfgsMemory(int v) {
            lbfgsMemory = v;
            return this;
        }

        /** Compute standard errors (default true). */
        public Builder standardErrors(boolean v) {
            standardErrors = v;
            return this;
        }

        /** Validates and builds. */
        public LogisticRegressionConfig build() {
            return new LogisticRegressionConfig(l2, l1, fitIntercept, positiveWeight, negativeWeight, maxIterations,
                    tolerance, solver, threads, lbfgsMemory, standardErrors);
        }
    }
}
