package io.github.recsys.conversion.linear;

import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Fits {@link LogisticModel}s by penalized maximum likelihood; see {@link LogisticRegressionConfig}
 * for the objective, the penalty scaling and the stopping rule.
 *
 * <ul>
 *   <li><b>Newton / IRLS</b> ({@link Solver#NEWTON}): every iteration one parallel pass builds the
 *       gradient and the (p+1) x (p+1) Hessian, a Cholesky solve gives the step, and a backtracking
 *       (Armijo, c1 = 1e-4) line search guards the first iterations. O(n p^2) per iteration,
 *       typically 5-8 iterations.</li>
 *   <li><b>L-BFGS</b> ({@link Solver#LBFGS}): two-loop recursion with {@code lbfgsMemory} pairs and
 *       the same backtracking line search; pairs with non-positive curvature are skipped. The initial
 *       inverse Hessian is {@code gamma D^-1}, with D the Hessian diagonal at the starting point
 *       (computed once) and gamma the usual {@code s.y / y.D^-1.y} scaling, so rare one-hot columns
 *       and unscaled features do not slow it down. With
 *       {@code l1 > 0} it runs OWL-QN (Andrew and Gao, ICML 2007): the pseudo-gradient replaces the
 *       gradient, the direction is restricted to the descent orthant and trial points are projected
 *       onto it, so coefficients become exactly 0.</li>
 * </ul>
 * Both start at all-zero coefficients with the intercept at the log-odds of the weighted base rate.
 * Near the optimum the objective difference falls below its rounding noise (the summed loss has
 * about 16 significant digits), so Armijo's test alone would stall; a trial point is therefore also
 * accepted when the directional derivative there is still {@code <= 0}: the smooth objective is
 * convex, so that proves the objective did not increase along the step, using only the (precise)
 * gradient. With an L1 penalty the projected path is not a line; there a trial is accepted when the
 * objective rose by at most 1e-12 relative and the pseudo-gradient max-norm fell.
 *
 * <p>The result is identical for any {@code threads} value (see {@link LogisticObjective}'s chunked,
 * chunk-ordered reduction). A trainer holds only its config and is thread-safe; each {@link #fit}
 * creates and shuts down its own {@link ForkJoinPool} when {@code threads > 1}.
 */
public final class LogisticRegressionTrainer {

    private static final System.Logger LOG = System.getLogger(LogisticRegressionTrainer.class.getName());
    private static final double ARMIJO_C1 = 1e-4;
    private static final int MAX_LINE_SEARCH = 40;
    private static final double NOISE_REL = 1e-12;
    /** Above this many features standard errors are skipped (the Hessian pass costs O(n p^2)). */
    public static final int MAX_STANDARD_ERROR_FEATURES = 2000;

    private final LogisticRegressionConfig config;

    /** A trainer with this configuration. */
    public LogisticRegressionTrainer(LogisticRegressionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public LogisticRegressionConfig config() {
        return config;
    }

    /**
     * Fits on every row of {@code data} (labels required; row weights honored).
     *
     * @throws IllegalArgumentException when labels are missing, a feature is NaN or infinite, the data is
     *                                  empty or carries only one class, or (solver NEWTON) the Hessian is
     *                                  singular; with solver AUTO a singular Hessian switches to L-BFGS
     */
    public LogisticModel fit(FeatureMatrix data) {
        Objects.requireNonNull(data, "data");
        long start = System.nanoTime();
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("training data has no labels");
        }
        int n = data.rows();
        int p = data.cols();
        if (n == 0) {
            throw new IllegalArgumentException("training data has no rows");
        }
        double[] x = data.rawValues();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("feature '" + data.name(i % p) + "' of row " + (i / p)
                        + " is " + x[i] + "; logistic regression needs finite values (impute missing values first)");
            }
        }
        double[] y = data.labels();
        double[] rowWeights = data.weights();
        Solver solver = config.resolvedSolver(n, p);
        ForkJoinPool pool = config.threads() > 1 ? new ForkJoinPool(config.threads()) : null;
        try {
            LogisticObjective obj = new LogisticObjective(x, y, rowWeights, n, p, config.fitIntercept(), config.l2(),
                    config.positiveWeight(), config.negativeWeight(), pool, config.threads());
            double tw = obj.totalWeight();
            double pos = obj.weightedPositives();
            if (!(tw > 0)) {
                throw new IllegalArgumentException("training rows have total weight 0");
            }
            if (pos <= 0 || pos >= tw) {
                throw new IllegalArgumentException("training labels contain only class " + (pos <= 0 ? 0 : 1)
                        + " (" + n + " rows); logistic regression needs both classes");
            }
            double[] beta = new double[p + 1];
            if (config.fitIntercept()) {
                beta[p] = Math.log(pos / (tw - pos));
            }
            Result r;
            if (solver == Solver.NEWTON) {
                try {
                    r = newton(obj, beta);
                } catch (SingularHessianException e) {
                    if (config.solver() != Solver.AUTO) {
                        throw e;
                    }
                    LOG.log(System.Logger.Level.DEBUG, () -> "Newton stopped (" + e.getMessage() + "); AUTO falls back to L-BFGS");
                    solver = Solver.LBFGS;
                    r = lbfgs(obj, beta);
                }
            } else {
                r = lbfgs(obj, beta);
            }
            double[] se = null;
            if (config.standardErrors() && p <= MAX_STANDARD_ERROR_FEATURES) {
                double[] h = r.hessian;
                if (h == null) {
                    h = new double[(p + 1) * (p + 1)];
                    obj.evaluate(r.beta, new double[p + 1], h);
                }
                se = standardErrors(h, p + 1, config.fitIntercept());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ConvergenceReport report = new ConvergenceReport(solver, r.iterations, obj.evaluations(), r.gradNorm,
                    r.gradNorm <= config.tolerance(), r.loss, r.history, seconds);
            LOG.log(System.Logger.Level.DEBUG, () -> "logistic regression: " + report);
            return new LogisticModel(data.names(), Arrays.copyOf(r.beta, p), r.beta[p], se, config, report);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Newton met a Hessian that Cholesky rejects (collinear features without penalty, or separation). */
    private static final class SingularHessianException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SingularHessianException(String message) {
            super(message);
        }
    }

    private static final class Result {
        double[] beta;
        double loss;
        double gradNorm;
        int iterations;
        double[] history;
        double[] hessian;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // ------------------------------------------------------------------ Newton

    private Result newton(LogisticObjective obj, double[] beta0) {
        int dim = obj.dim();
        double tw = obj.totalWeight();
        double[] beta = beta0.clone();
        double[] g = new double[dim];
        double[] h = new double[dim * dim];
        double[] gn = new double[dim];
        double[] hn = new double[dim * dim];
        double[] step = new double[dim];
        double[] trial = new double[dim];
        double[] factor = new double[dim * dim];
        double f = obj.evaluate(beta, g, h);
        double[] history = new double[config.maxIterations() + 1];
        history[0] = f;
        int it = 0;
        double gnorm = maxAbs(g) / tw;
        while (gnorm > config.tolerance() && it < config.maxIterations()) {
            System.arraycopy(h, 0, factor, 0, h.length);
            if (!DenseCholesky.factor(factor, dim)) {
                throw new SingularHessianException("Newton iteration " + it + ": Hessian is not positive definite; "
                        + "features may be collinear (e.g. every one-hot level plus an intercept) or a class is "
                        + "perfectly separated; increase l2 (was " + config.l2() + ") or use solver LBFGS");
            }
            for (int j = 0; j < dim; j++) {
                step[j] = -g[j];
            }
            DenseCholesky.solve(factor, dim, step);
            double dg = dot(g, step);
            double t = 1.0;
            boolean accepted = false;
            double fn = f;
            for (int ls = 0; ls < MAX_LINE_SEARCH; ls++) {
                for (int j = 0; j < dim; j++) {
                    trial[j] = beta[j] + t * step[j];
                }
                fn = obj.evaluate(trial, gn, hn);
                if (fn <= f + ARMIJO_C1 * t * dg || dot(step, gn) <= 0) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break; // no progress possible at double precision
            }
            double[] swap = beta;
            beta = trial;
            trial = swap;
            swap = g;
            g = gn;
            gn = swap;
            swap = h;
            h = hn;
            hn = swap;
            f = fn;
            it++;
            history[it] = f;
            gnorm = maxAbs(g) / tw;
        }
        Result r = new Result();
        r.beta = beta;
        r.loss = f;
        r.gradNorm = gnorm;
        r.iterations = it;
        r.history = Arrays.copyOf(history, it + 1);
        r.hessian = h;
        return r;
    }

    // ------------------------------------------------------------------ L-BFGS / OWL-QN

    private Result lbfgs(LogisticObjective obj, double[] beta0) {
        int dim = obj.dim();
        int p = dim - 1;
        int m = config.lbfgsMemory();
        double l1 = config.l1();
        double tw = obj.totalWeight();
        double[] beta = beta0.clone();
        double[] g = new double[dim];
        double[] gn = new double[dim];
        double[] pg = new double[dim];
        double[] dir = new double[dim];
        double[] trial = new double[dim];
        double[] alpha = new double[m];
        double[] rho = new double[m];
        double[][] s = new double[m][dim];
        double[][] yv = new double[m][dim];
        int stored = 0;
        int head = 0; // index of the next slot to write
        double[] diag = obj.startingDiagonal();
        double f = obj.evaluate(beta, g, null) + l1 * l1Norm(beta, p);
        double[] history = new double[config.maxIterations() + 1];
        history[0] = f;
        int it = 0;
        pseudoGradient(beta, g, l1, p, pg);
        double gnorm = maxAbs(pg) / tw;
        while (gnorm > config.tolerance() && it < config.maxIterations()) {
            // two-loop recursion: dir = -H pg
            for (int j = 0; j < dim; j++) {
                dir[j] = -pg[j];
            }
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, m);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], yv[idx], dir);
            }
            // initial inverse Hessian: gamma * D^-1 (diagonal preconditioner, scaled by the latest pair)
            double gamma = 1.0;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                double yDy = 0;
                for (int j = 0; j < dim; j++) {
                    yDy += yv[last][j] * yv[last][j] / diag[j];
                }
                gamma = dot(s[last], yv[last]) / yDy;
            }
            for (int j = 0; j < dim; j++) {
                dir[j] *= gamma / diag[j];
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, m);
                double b = rho[idx] * dot(yv[idx], dir);
                axpy(alpha[idx] - b, s[idx], dir);
            }
            if (l1 > 0) {
                for (int j = 0; j < p; j++) {
                    if (dir[j] * pg[j] >= 0) {
                        dir[j] = 0; // keep only components that descend along the pseudo-gradient
                    }
                }
            }
            double dg = dot(dir, pg);
            if (!(dg < 0)) {
                stored = 0; // memory gave no descent direction: restart with preconditioned steepest descent
                for (int j = 0; j < dim; j++) {
                    dir[j] = -pg[j] / diag[j];
                }
                dg = dot(dir, pg);
            }
            double t = 1.0;
            boolean accepted = false;
            double fn = f;
            for (int ls = 0; ls < MAX_LINE_SEARCH; ls++) {
                for (int j = 0; j < dim; j++) {
                    trial[j] = beta[j] + t * dir[j];
                }
                if (l1 > 0) {
                    for (int j = 0; j < p; j++) {
                        double orthant = beta[j] != 0 ? Math.signum(beta[j]) : -Math.signum(pg[j]);
                        if (trial[j] * orthant <= 0) {
                            trial[j] = 0;
                        }
                    }
                }
                fn = obj.evaluate(trial, gn, null) + l1 * l1Norm(trial, p);
                double decrease = 0;
                for (int j = 0; j < dim; j++) {
                    decrease += pg[j] * (trial[j] - beta[j]);
                }
                boolean certified = l1 == 0 ? dot(dir, gn) <= 0
                        : fn <= f + NOISE_REL * Math.abs(f) && maxAbsPseudo(trial, gn, l1, p) < maxAbs(pg);
                if (fn <= f + ARMIJO_C1 * decrease || certified) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break;
            }
            // curvature pair from the smooth gradients
            double[] sn = s[head];
            double[] yn = yv[head];
            for (int j = 0; j < dim; j++) {
                sn[j] = trial[j] - beta[j];
                yn[j] = gn[j] - g[j];
            }
            double sy = dot(sn, yn);
            if (sy > 1e-12 * dot(yn, yn) && sy > 0) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            double[] swap = beta;
            beta = trial;
            trial = swap;
            swap = g;
            g = gn;
            gn = swap;
            f = fn;
            it++;
            history[it] = f;
            pseudoGradient(beta, g, l1, p, pg);
            gnorm = maxAbs(pg) / tw;
        }
        Result r = new Result();
        r.beta = beta;
        r.loss = f;
        r.gradNorm = gnorm;
        r.iterations = it;
        r.history = Arrays.copyOf(history, it + 1);
        return r;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static double l1Norm(double[] beta, int p) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += Math.abs(beta[j]);
        }
        return s;
    }

    /** OWL-QN pseudo-gradient of smooth + l1 ||beta[0..p)||_1 (plain gradient when l1 = 0). */
    private static void pseudoGradient(double[] beta, double[] g, double l1, int p, double[] out) {
        System.arraycopy(g, 0, out, 0, g.length);
        if (l1 == 0) {
            return;
        }
        for (int j = 0; j < p; j++) {
            if (beta[j] > 0) {
                out[j] = g[j] + l1;
            } else if (beta[j] < 0) {
                out[j] = g[j] - l1;
            } else if (g[j] + l1 < 0) {
                out[j] = g[j] + l1;
            } else if (g[j] - l1 > 0) {
                out[j] = g[j] - l1;
            } else {
                out[j] = 0;
            }
        }
    }

    private static double maxAbsPseudo(double[] beta, double[] g, double l1, int p) {
        double[] tmp = new double[g.length];
        pseudoGradient(beta, g, l1, p, tmp);
        return maxAbs(tmp);
    }

    // ------------------------------------------------------------------ inference

    /** Square roots of the diagonal of H^-1; NaN everywhere when H is singular, NaN intercept when not fit. */
    private static double[] standardErrors(double[] hessian, int dim, boolean intercept) {
        double[] f = hessian.clone();
        double[] se = new double[dim];
        if (!DenseCholesky.factor(f, dim)) {
            Arrays.fill(se, Double.NaN);
            return se;
        }
        double[] diag = DenseCholesky.inverseDiagonal(f, dim);
        for (int j = 0; j < dim; j++) {
            se[j] = Math.sqrt(diag[j]);
        }
        if (!intercept) {
            se[dim - 1] = Double.NaN;
        }
        return se;
    }
}
