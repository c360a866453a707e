package io.github.recsys.als;

import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.internal.Internals;
import io.github.recsys.linalg.FloatKernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Trains an {@link AlsModel} by implicit alternating least squares. Holds only its configuration, so
 * one trainer may be used from several threads at once.
 *
 * <p>Algorithm: user and item factors start uniform in {@code [0, 0.01)} from a
 * {@link SplittableRandom} seeded with {@link AlsConfig#seed()} (users from the first child generator,
 * items from the second, filled in row order). Each iteration solves all users with the items fixed,
 * then all items with the users fixed, by {@link AlsSolver#CG} ({@link CgFactorSolver}) or
 * {@link AlsSolver#CHOLESKY}. Rows without stored entries get zero factors. Work is spread over
 * {@link AlsConfig#threads()} threads of a {@link ForkJoinPool} created for the call and shut down
 * before it returns; chunking is fixed, so the factors are bit-identical for any thread count (with
 * the same float kernels, see {@link FloatKernels#preferred()}).
 *
 * <p>The matrix values are preference strengths {@code r >= 0} (apply a
 * {@link io.github.recsys.data.Confidence} weighting first if wanted); confidence is
 * {@code 1 + alpha*r}.
 */
public final class AlsTrainer {

    /** Scale of the uniform random initialization. */
    public static final double INIT_SCALE = 0.01;

    private final AlsConfig config;
    private final FloatKernels kernels;

    /** A trainer with the given configuration and the preferred kernels. */
    public AlsTrainer(AlsConfig config) {
        this(config, FloatKernels.preferred());
    }

    /** A trainer with explicit kernels (tests compare scalar and vector kernels). */
    AlsTrainer(AlsConfig config, FloatKernels kernels) {
        this.config = Objects.requireNonNull(config, "config");
        this.kernels = Objects.requireNonNull(kernels, "kernels");
    }

    /** The configuration. */
    public AlsConfig config() {
        return config;
    }

    /** Trains on {@code m} without progress reports. */
    public AlsModel fit(InteractionMatrix m) {
        return fit(m, AlsListener.NONE);
    }

    /**
     * Trains on {@code m} (users x items, values are strengths r &gt;= 0), reporting each iteration to
     * {@code listener}.
     *
     * @throws IllegalStateException from the Cholesky solver when a system is not positive definite
     */
    public AlsModel fit(InteractionMatrix m, AlsListener listener) {
        Objects.requireNonNull(m, "m");
        Objects.requireNonNull(listener, "listener");
        Internals.MatrixAccess acc = Internals.matrix();
        int users = m.rows();
        int items = m.cols();
        int k = config.factors();
        if ((long) users * k > Integer.MAX_VALUE - 8 || (long) items * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("factor matrix too large for one array: " + Math.max(users, items)
                    + " rows x " + k + " factors");
        }
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        SplittableRandom root = new SplittableRandom(config.seed());
        fill(x, root.split());
        fill(y, root.split());

        int[] rowPtr = acc.rowPtr(m);
        int[] colIdx = acc.colIdx(m);
        float[] rowVal = acc.rowValues(m);
        int[] colPtr = acc.colPtr(m);
        int[] rowIdx = acc.rowIdx(m);
        float[] colVal = acc.colValues(m);
        int threads = config.threads();
        float alpha = (float) config.alpha();
        float lambda = (float) config.regularization();
        double nu = config.regularizationExponent();
        float tol = (float) config.cgTolerance();
        List<Double> seconds = new ArrayList<>(config.iterations());
        double loss = Double.NaN;
        if (config.solver() == AlsSolver.CG && config.iterations() > 0) {
            kernels.warmUp(k);
        }
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            // Each iteration solves the items, then the users: the model's user factors are then the
            // solution for its final item factors, so folding a training user's items back in
            // reproduces that user's vector (exactly with the Cholesky solver).
            for (int it = 1; it <= config.iterations(); it++) {
                long t0 = System.nanoTime();
                if (config.solver() == AlsSolver.CG) {
                    HalfSweep.cg(kernels, colPtr, rowIdx, colVal, items, y, x, users, k, alpha, lambda, nu,
                            config.cgSteps(), tol, pool, threads);
                    HalfSweep.cg(kernels, rowPtr, colIdx, rowVal, users, x, y, items, k, alpha, lambda, nu,
                            config.cgSteps(), tol, pool, threads);
                } else {
                    HalfSweep.cholesky(kernels, colPtr, rowIdx, colVal, items, y, x, users, k, alpha,
                            config.regularization(), nu, pool, threads, "item");
                    HalfSweep.cholesky(kernels, rowPtr, colIdx, rowVal, users, x, y, items, k, alpha,
                            config.regularization(), nu, pool, threads, "user");
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                seconds.add(sec);
                if (config.computeLoss()) {
                    loss = AlsLoss.compute(rowPtr, colIdx, rowVal, users, items, colPtr, x, y, k, config.alpha(),
                            config.regularization(), nu, pool, threads);
                }
                listener.onIteration(it, sec, loss);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        TrainingSummary summary = new TrainingSummary(config.iterations(), seconds, loss, kernels.name(),
                TrainingSummary.currentLibraryVersion());
        return AlsModel.wrap(x, y, k, m.userIndex(), m.itemIndex(), config, summary);
    }

    /**
     * The training loss of {@code model} on {@code m} under the model's configuration: with
     * {@code c = 1 + alpha*r} and preference 1 on stored entries (c = 1, preference 0 elsewhere),
     * {@code sum over all (u, i) of c*(p - x_u.y_i)^2 + lambda*(sum_u w_u|x_u|^2 + sum_i w_i|y_i|^2)},
     * where {@code w = n^nu} for a row with n stored entries and nu = {@link AlsConfig#regularizationExponent()}
     * ({@code lambda * w} is {@link AlsConfig#rowRegularization(int)}). Computed in double in {@code O(k^2 (U + I) + k * nnz)}
     * without forming the dense matrix; single-threaded.
     *
     * @throws IllegalArgumentException when the shapes of {@code m} and {@code model} differ
     */
    public static double loss(InteractionMatrix m, AlsModel model) {
        if (m.rows() != model.userCount() || m.cols() != model.itemCount()) {
            throw new IllegalArgumentException("matrix is " + m.rows() + " x " + m.cols() + " but model is "
                    + model.userCount() + " x " + model.itemCount());
        }
        Internals.MatrixAccess acc = Internals.matrix();
        AlsConfig c = model.config();
        return AlsLoss.compute(acc.rowPtr(m), acc.colIdx(m), acc.rowValues(m), m.rows(), m.cols(), acc.colPtr(m),
                model.userFactorsRaw(), model.itemFactorsRaw(), model.factors(), c.alpha(), c.regularization(),
                c.regularizationExponent(), null, 1);
    }

    private static void fill(float[] a, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rng.nextDouble() * INIT_SCALE);
        }
    }
}
