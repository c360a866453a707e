package io.github.recsys.conversion.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The smooth part of the penalized logistic objective (weighted summed log-loss plus L2), its
 * gradient and optionally its Hessian, evaluated over fixed row chunks.
 *
 * <p>Parameter layout: {@code beta[0..p)} are the feature coefficients and {@code beta[p]} is the
 * intercept (held at 0, with zero gradient and a unit Hessian diagonal, when no intercept is fit).
 *
 * <p>Determinism: rows are cut into chunks of {@link #CHUNK_ROWS}; each chunk's partial loss,
 * gradient and Hessian are computed by one thread into the chunk's own slot, and slots are added
 * in chunk order. Chunks are processed in waves of {@link #WAVE_CHUNKS} (fewer for a Hessian with
 * large p, keeping its slots under 64 MB) so the slot memory stays bounded. The floating-point
 * operations and their order therefore do not depend on the thread count, and neither does the result.
 *
 * <p>Public for diagnostics, custom solvers and benchmarks: obtain one with {@link #of}, call
 * {@link #evaluate} as often as needed, and {@link #close()} it to stop its worker threads.
 * Not thread-safe (owns scratch buffers): one caller at a time.
 */
public final class LogisticObjective implements AutoCloseable {

    /** Rows per chunk (fixed: the reduction order depends on it, never on the thread count). */
    static final int CHUNK_ROWS = 4096;
    /** Chunks per wave (gradient passes). */
    static final int WAVE_CHUNKS = 32;
    /** Bound on the Hessian slot memory, in doubles (64 MB); Hessian waves shrink for large p. */
    private static final long MAX_HESSIAN_SLOT_DOUBLES = 8L << 20;

    private final double[] x;
    private final double[] y;
    private final double[] c;     // row weight times class weight
    private final int n;
    private final int p;
    private final int dim;        // p + 1
    private final boolean intercept;
    private final double l2;
    private final double totalWeight;
    private final int chunks;

    private final double[] slotLoss = new double[WAVE_CHUNKS];
    private final double[] slotGrad;
    private double[] slotHess;    // allocated on first Hessian request
    private final int hessWave;   // chunks per wave when the Hessian is requested
    private int wave;             // chunks per wave of the current request

    private final ForkJoinPool pool;  // null = run on the caller
    private final List<Callable<Void>> workers = new ArrayList<>();
    private final double[][] resid;   // per worker scratch, CHUNK_ROWS
    private final double[][] curv;

    // the current request, published to workers by invokeAll
    private double[] curBeta;
    private boolean curHess;
    private int waveStart;
    private int waveEnd;
    private int evaluations;

    private ForkJoinPool ownedPool;

    /**
     * The objective of {@code config} (L2, class weights, intercept, threads; L1 and solver settings are
     * ignored) over {@code data}, which must be labeled. The data is not copied: it is immutable.
     */
    public static LogisticObjective of(io.github.recsys.conversion.data.FeatureMatrix data,
                                       LogisticRegressionConfig config) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("data has no labels");
        }
        ForkJoinPool pool = config.threads() > 1 ? new ForkJoinPool(config.threads()) : null;
        LogisticObjective o = new LogisticObjective(data.rawValues(), data.labels(), data.weights(), data.rows(),
                data.cols(), config.fitIntercept(), config.l2(), config.positiveWeight(), config.negativeWeight(), pool,
                config.threads());
        o.ownedPool = pool;
        return o;
    }

    /** Shuts down the worker pool created by {@link #of} (no-op otherwise). */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.shutdownNow();
            ownedPool = null;
        }
    }

    /**
     * @param x         n*p row-major features (not modified)
     * @param y         n labels in {0,1}
     * @param rowWeight n row weights or null
     * @param posWeight multiplier for label 1
     * @param negWeight multiplier for label 0
     * @param pool      pool to run on, or null for the calling thread
     * @param threads   number of worker tasks per wave (&gt;= 1)
     */
    LogisticObjective(double[] x, double[] y, double[] rowWeight, int n, int p, boolean intercept, double l2,
                      double posWeight, double negWeight, ForkJoinPool pool, int threads) {
        this.x = x;
        this.y = y;
        this.n = n;
        this.p = p;
        this.dim = p + 1;
        this.intercept = intercept;
        this.l2 = l2;
        this.c = new double[n];
        double tw = 0;
        for (int i = 0; i < n; i++) {
            double w = (rowWeight == null ? 1.0 : rowWeight[i]) * (y[i] == 1.0 ? posWeight : negWeight);
            c[i] = w;
            tw += w;
        }
        this.totalWeight = tw;
        this.chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        this.slotGrad = new double[WAVE_CHUNKS * dim];
        // the wave size only groups chunks for parallel work; partials are still added in chunk order
        this.hessWave = (int) Math.max(1, Math.min(WAVE_CHUNKS, MAX_HESSIAN_SLOT_DOUBLES / ((long) dim * dim)));
        int t = pool == null ? 1 : Math.max(1, Math.min(threads, WAVE_CHUNKS));
        this.pool = t == 1 ? null : pool;
        this.resid = new double[t][CHUNK_ROWS];
        this.curv = new double[t][CHUNK_ROWS];
        for (int k = 0; k < t; k++) {
            final int id = k;
            final int stride = t;
            workers.add(() -> {
                for (int s = waveStart + id; s < waveEnd; s += stride) {
                    chunk(s, s - waveStart, id);
                }
                return null;
            });
        }
    }

    /** Sum of all row weights (row weight times class weight). */
    public double totalWeight() {
        return totalWeight;
    }

    /** Weighted sum of labels. */
    double weightedPositives() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += c[i] * y[i];
        }
        return s;
    }

    /**
     * Diagonal of the Hessian at the intercept-only start (every p_i equal to the weighted base rate
     * {@code pbar}): {@code pbar (1 - pbar) sum_i c_i x_ij^2 + l2} for coefficients, and
     * {@code pbar (1 - pbar) sum_i c_i} for the intercept (1 when no intercept is fit). Used by L-BFGS as
     * a fixed diagonal preconditioner. One sequential pass in row order.
     */
    double[] startingDiagonal() {
        double pbar = weightedPositives() / totalWeight;
        double v = Math.max(pbar * (1 - pbar), 1e-12);
        double[] diag = new double[dim];
        for (int i = 0; i < n; i++) {
            double ci = c[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double xv = x[off + j];
                diag[j] += ci * xv * xv;
            }
        }
        for (int j = 0; j < p; j++) {
            diag[j] = v * diag[j] + l2;
            if (!(diag[j] > 0)) {
                diag[j] = 1; // an all-zero column without penalty: any positive scale will do
            }
        }
        diag[p] = intercept ? v * totalWeight : 1;
        return diag;
    }

    /** Number of {@link #evaluate} calls so far. */
    int evaluations() {
        return evaluations;
    }

    /** Length of the parameter vector, p + 1 (coefficients, then the intercept). */
    public int dim() {
        return dim;
    }

    /**
     * Objective at {@code beta}: weighted log-loss sum plus {@code l2/2 ||beta[0..p)||^2}.
     *
     * @param beta parameters, length p+1 (not modified)
     * @param grad output gradient, length p+1 (overwritten)
     * @param hess output Hessian, (p+1)^2 row-major, full symmetric (overwritten), or null to skip it
     * @return the objective value
     */
    public double evaluate(double[] beta, double[] grad, double[] hess) {
        evaluations++;
        if (hess != null && slotHess == null) {
            slotHess = new double[hessWave * dim * dim];
        }
        wave = hess != null ? hessWave : WAVE_CHUNKS;
        curBeta = beta;
        curHess = hess != null;
        double loss = 0;
        java.util.Arrays.fill(grad, 0.0);
        if (hess != null) {
            java.util.Arrays.fill(hess, 0.0);
        }
        for (int w0 = 0; w0 < chunks; w0 += wave) {
            waveStart = w0;
            waveEnd = Math.min(chunks, w0 + wave);
            runWave();
            int used = waveEnd - waveStart;
            for (int s = 0; s < used; s++) {
                loss += slotLoss[s];
                int go = s * dim;
                for (int j = 0; j < dim; j++) {
                    grad[j] += slotGrad[go + j];
                }
                if (hess != null) {
                    int ho = s * dim * dim;
                    for (int j = 0; j < dim; j++) {
                        int r = j * dim;
                        for (int k = j; k < dim; k++) {
                            hess[r + k] += slotHess[ho + r + k];
                        }
                    }
                }
            }
        }
        // penalty on the coefficients, never the intercept
        for (int j = 0; j < p; j++) {
            loss += 0.5 * l2 * beta[j] * beta[j];
            grad[j] += l2 * beta[j];
        }
        if (!intercept) {
            grad[p] = 0;
        }
        if (hess != null) {
            for (int j = 0; j < p; j++) {
                hess[j * dim + j] += l2;
            }
            if (!intercept) {
                for (int j = 0; j < dim; j++) {
                    hess[j * dim + p] = 0;
                }
                hess[p * dim + p] = 1;
            }
            for (int j = 0; j < dim; j++) {
                for (int k = j + 1; k < dim; k++) {
                    hess[k * dim + j] = hess[j * dim + k];
                }
            }
        }
        return loss;
    }

    private void runWave() {
        if (pool == null) {
            for (int s = waveStart; s < waveEnd; s++) {
                chunk(s, s - waveStart, 0);
            }
            return;
        }
        List<Future<Void>> futures = pool.invokeAll(workers);
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during logistic-regression pass", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("logistic-regression pass failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Loss, gradient (and Hessian) of chunk {@code chunk} into slot {@code slot}. */
    private void chunk(int chunk, int slot, int worker) {
        final double[] beta = curBeta;
        final double[] xs = x;
        final int pp = p;
        final int from = chunk * CHUNK_ROWS;
        final int to = Math.min(n, from + CHUNK_ROWS);
        final double[] r = resid[worker];
        final double[] d = curv[worker];
        final double b0 = beta[pp];
        final int go = slot * dim;
        final double[] g = slotGrad;
        for (int j = 0; j < dim; j++) {
            g[go + j] = 0;
        }
        double loss = 0;
        double gIntercept = 0;
        for (int i = from; i < to; i++) {
            int off = i * pp;
            // four partial sums: a short dependency chain instead of one add per column in sequence
            double e0 = 0;
            double e1 = 0;
            double e2 = 0;
            double e3 = 0;
            int j = 0;
            for (; j + 4 <= pp; j += 4) {
                e0 += xs[off + j] * beta[j];
                e1 += xs[off + j + 1] * beta[j + 1];
                e2 += xs[off + j + 2] * beta[j + 2];
                e3 += xs[off + j + 3] * beta[j + 3];
            }
            for (; j < pp; j++) {
                e0 += xs[off + j] * beta[j];
            }
            double eta = b0 + ((e0 + e1) + (e2 + e3));
            double e = Math.exp(-Math.abs(eta));
            double onePlus = 1.0 + e;
            double softplusNeg = e < 1e-5 ? e * (1 - 0.5 * e) : Math.log(onePlus); // ln(1 + e^-|eta|)
            double yi = y[i];
            double wi = c[i];
            loss += wi * (Math.max(eta, 0.0) + softplusNeg - yi * eta);
            double prob = eta >= 0 ? 1.0 / onePlus : e / onePlus;
            double ri = wi * (prob - yi);
            r[i - from] = ri;
            d[i - from] = wi * prob * (1.0 - prob);
            gIntercept += ri;
            for (int k = 0; k < pp; k++) {
                g[go + k] += ri * xs[off + k];
            }
        }
        g[go + pp] = gIntercept;
        slotLoss[slot] = loss;
        if (curHess) {
            hessianChunk(from, to, d, slot);
        }
    }

    /** Upper triangle of sum_i d_i [x_i 1][x_i 1]^T over rows [from, to), four rows at a time. */
    private void hessianChunk(int from, int to, double[] d, int slot) {
        final double[] h = slotHess;
        final double[] xs = x;
        final int pp = p;
        final int dd = dim;
        final int ho = slot * dd * dd;
        for (int k = 0; k < dd * dd; k++) {
            h[ho + k] = 0;
        }
        double dSum = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            double d1 = d[i - from];
            double d2 = d[i + 1 - from];
            double d3 = d[i + 2 - from];
            double d4 = d[i + 3 - from];
            int o1 = i * pp;
            int o2 = o1 + pp;
            int o3 = o2 + pp;
            int o4 = o3 + pp;
            for (int j = 0; j < pp; j++) {
                double a1 = d1 * xs[o1 + j];
                double a2 = d2 * xs[o2 + j];
                double a3 = d3 * xs[o3 + j];
                double a4 = d4 * xs[o4 + j];
                int row = ho + j * dd;
                for (int k = j; k < pp; k++) {
                    h[row + k] += a1 * xs[o1 + k] + a2 * xs[o2 + k] + a3 * xs[o3 + k] + a4 * xs[o4 + k];
                }
                h[row + pp] += a1 + a2 + a3 + a4;
            }
            dSum += d1 + d2 + d3 + d4;
        }
        for (; i < to; i++) {
            double di = d[i - from];
            int o = i * pp;
            for (int j = 0; j < pp; j++) {
                double a = di * xs[o + j];
                int row = ho + j * dd;
                for (int k = j; k < pp; k++) {
                    h[row + k] += a * xs[o + k];
                }
                h[row + pp] += a;
            }
            dSum += di;
        }
        h[ho + pp * dd + pp] = dSum;
    }
}
