package io.github.recsys.als;

import java.util.Objects;

/**
 * Hyperparameters of implicit ALS: an immutable, validated record. Build one with {@link #builder()},
 * which starts from the documented defaults.
 *
 * @param factors             rank k of the factorization, &gt; 0 (default 64)
 * @param regularization      lambda, the L2 penalty on the factors, finite and &gt;= 0 (default 0.01)
 * @param alpha               confidence slope: a stored entry of strength r has confidence
 *                            {@code c = 1 + alpha*r}; finite and &gt;= 0 (default 1.0)
 * @param iterations          number of iterations (each an item half-sweep then a user half-sweep),
 *                            &gt;= 0 (default 15)
 * @param cgSteps             conjugate-gradient steps per row and half-sweep, &gt; 0 (default 3); only
 *                            used by {@link AlsSolver#CG}
 * @param cgTolerance         CG stops early for a row when the squared residual norm falls below this;
 *                            finite and &gt;= 0 (default 1e-20, as in the implicit library)
 * @param solver              row solver (default {@link AlsSolver#CG})
 * @param threads             worker threads, &gt; 0 (default: available processors); the result does not
 *                            depend on it
 * @param seed                seed of the random initialization (default 42)
 * @param regularizationExponent nu, the frequency scaling of the penalty: row u's penalty is
 *                            {@code lambda * n_u^nu} with n_u its number of stored entries (see
 *                            {@link #rowRegularization(int)}); 0 gives a constant lambda (default), 1 is ALS-WR
 *                            as in Spark, values in between interpolate (Rendle et al. 2021, "Revisiting the
 *                            performance of iALS on item recommendation benchmarks"); finite and in [0, 2]
 * @param computeLoss         when true, the training loss is computed after every iteration and passed
 *                            to the listener (costs about one extra pass over the data; default false)
 */
public record AlsConfig(int factors, double regularization, double alpha, int iterations, int cgSteps,
                        double cgTolerance, AlsSolver solver, int threads, long seed,
                        double regularizationExponent, boolean computeLoss) {

    /** Default rank. */
    public static final int DEFAULT_FACTORS = 64;
    /** Default lambda. */
    public static final double DEFAULT_REGULARIZATION = 0.01;
    /** Default confidence slope. */
    public static final double DEFAULT_ALPHA = 1.0;
    /** Default number of iterations. */
    public static final int DEFAULT_ITERATIONS = 15;
    /** Default CG steps per row. */
    public static final int DEFAULT_CG_STEPS = 3;
    /** Default CG early-exit threshold on the squared residual norm. */
    public static final double DEFAULT_CG_TOLERANCE = 1e-20;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates every component; messages name the component and the rejected value. */
    public AlsConfig {
        if (factors <= 0) {
            throw new IllegalArgumentException("factors must be > 0, was " + factors);
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, was " + regularization);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, was " + alpha);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
        if (cgSteps <= 0) {
            throw new IllegalArgumentException("cgSteps must be > 0, was " + cgSteps);
        }
        if (!(cgTolerance >= 0) || Double.isInfinite(cgTolerance)) {
            throw new IllegalArgumentException("cgTolerance must be finite and >= 0, was " + cgTolerance);
        }
        Objects.requireNonNull(solver, "solver");
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, was " + threads);
        }
        if (!(regularizationExponent >= 0 && regularizationExponent <= 2)) {
            throw new IllegalArgumentException("regularizationExponent must be in [0, 2], was " + regularizationExponent);
        }
    }

    /**
     * The penalty of a row (a user, or an item) with {@code entries} stored entries:
     * {@code regularization * entries^regularizationExponent}, exactly {@code regularization} when the
     * exponent is 0 (also for an empty row), exactly {@code regularization * entries} when it is 1, and
     * {@code regularization * sqrt(entries)} when it is 0.5.
     * Training, the loss, fold-in and explanations all use this one definition.
     *
     * @param entries the row's number of stored entries, &gt;= 0
     */
    public double rowRegularization(int entries) {
        return rowRegularization(regularization, regularizationExponent, entries);
    }

    /** {@code lambda * entries^nu}, with the exact cases of {@link #rowRegularization(int)}. */
    static double rowRegularization(double lambda, double nu, int entries) {
        if (nu == 0) {
            return lambda;
        }
        if (nu == 1) {
            return lambda * entries;
        }
        if (nu == 0.5) {
            return lambda * Math.sqrt(entries); // the common tuned value; cheaper than pow
        }
        return lambda * Math.pow(entries, nu);
    }

    /** A builder with the defaults listed on this record. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration's values. */
    public Builder toBuilder() {
        return new Builder()
                .factors(factors).regularization(regularization).alpha(alpha).iterations(iterations)
                .cgSteps(cgSteps).cgTolerance(cgTolerance).solver(solver).threads(threads).seed(seed)
                .regularizationExponent(regularizationExponent).computeLoss(computeLoss);
    }

    /** Mutable builder for {@link AlsConfig}; not thread-safe. Values are validated by {@link #build()}. */
    public static final class Builder {
        private int factors = DEFAULT_FACTORS;
        private double regularization = DEFAULT_REGULARIZATION;
        private double alpha = DEFAULT_ALPHA;
        private int iterations = DEFAULT_ITERATIONS;
        private int cgSteps = DEFAULT_CG_STEPS;
        private double cgTolerance = DEFAULT_CG_TOLERANCE;
        private AlsSolver solver = AlsSolver.CG;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = DEFAULT_SEED;
        private double regularizationExponent;
        private boolean computeLoss;

        private Builder() {
        }

        /** Sets {@link AlsConfig#factors()}. */
        public Builder factors(int v) { factors = v; return this; }
        /** Sets {@link AlsConfig#regularization()}. */
        public Builder regularization(double v) { regularization = v; return this; }
        /** Sets {@link AlsConfig#alpha()}. */
        public Builder alpha(double v) { alpha = v; return this; }
        /** Sets {@link AlsConfig#iterations()}. */
        public Builder iterations(int v) { iterations = v; return this; }
        /** Sets {@link AlsConfig#cgSteps()}. */
        public Builder cgSteps(int v) { cgSteps = v; return this; }
        /** Sets {@link AlsConfig#cgTolerance()}. */
        public Builder cgTolerance(double v) { cgTolerance = v; return this; }
        /** Sets {@link AlsConfig#solver()}. */
        public Builder solver(AlsSolver v) { solver = v; return this; }
        /** Sets {@link AlsConfig#threads()}. */
        public Builder threads(int v) { threads = v; return this; }
        /** Sets {@link AlsConfig#seed()}. */
        public Builder seed(long v) { seed = v; return this; }
        /** Sets {@link AlsConfig#regularizationExponent()}. */
        public Builder regularizationExponent(double v) { regularizationExponent = v; return this; }
        /** ALS-WR on or off: the same as {@code regularizationExponent(v ? 1 : 0)}. */
        public Builder scaleRegularization(boolean v) { regularizationExponent = v ? 1 : 0; return this; }
        /** Sets {@link AlsConfig#computeLoss()}. */
        public Builder computeLoss(boolean v) { computeLoss = v; return this; }

        /** The validated configuration. */
        public AlsConfig build() {
            return new AlsConfig(factors, regularization, alpha, iterations, cgSteps, cgTolerance, solver,
                    threads, seed, regularizationExponent, computeLoss);
        }
    }
}
