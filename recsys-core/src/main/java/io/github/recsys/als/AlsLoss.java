package io.github.recsys.als;

import io.github.recsys.internal.ParallelRange;

import java.util.concurrent.ExecutorService;

/**
 * The implicit-ALS training loss, without forming the dense matrix. With confidence
 * {@code c = 1 + alpha*r} and preference 1 on stored entries (c = 1, preference 0 elsewhere) and
 * {@code s = x_u . y_i}:
 * <pre>
 *   L = sum_{all u,i} c (p - s)^2 + lambda (sum_u w_u |x_u|^2 + sum_i w_i |y_i|^2)
 *     = trace(XᵀX YᵀY) + sum_{stored} [c (1 - s)^2 - s^2] + lambda (...)
 * </pre>
 * with {@code w = n^nu}, n the row's number of stored entries and nu the regularization exponent
 * ({@code w = 1} when nu = 0; see {@link AlsConfig#rowRegularization(int)}). Everything is
 * accumulated in double over fixed chunks reduced in chunk order, so the value does not depend on the
 * thread count.
 */
final class AlsLoss {

    private static final int CHUNK = 256;

    private AlsLoss() {
    }

    static double compute(int[] ptr, int[] idx, float[] val, int users, int items, int[] colPtr,
                          float[] x, float[] y, int k, double alpha, double lambda, double nu,
                          ExecutorService pool, int threads) {
        double[] gx = gram(x, users, k, pool, threads);
        double[] gy = gram(y, items, k, pool, threads);
        double all = 0;
        for (int a = 0; a < k; a++) {
            all += gx[a * k + a] * gy[a * k + a];
            for (int b = a + 1; b < k; b++) {
                all += 2 * gx[a * k + b] * gy[a * k + b];
            }
        }
        int chunks = ParallelRange.chunkCount(users, CHUNK);
        double[] part = new double[chunks];
        ParallelRange.run(pool, threads, chunks, w -> c -> {
            double sum = 0;
            int end = Math.min(users, (c + 1) * CHUNK);
            for (int u = c * CHUNK; u < end; u++) {
                int xo = u * k;
                double norm = 0;
                for (int f = 0; f < k; f++) {
                    norm += (double) x[xo + f] * x[xo + f];
                }
                sum += AlsConfig.rowRegularization(lambda, nu, ptr[u + 1] - ptr[u]) * norm;
                for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                    int yo = idx[p] * k;
                    double s = 0;
                    for (int f = 0; f < k; f++) {
                        s += (double) x[xo + f] * y[yo + f];
                    }
                    double conf = 1 + alpha * val[p];
                    sum += conf * (1 - s) * (1 - s) - s * s;
                }
            }
            part[c] = sum;
        });
        double total = all;
        for (double p : part) {
            total += p;
        }
        double itemReg = 0;
        for (int i = 0; i < items; i++) {
            int yo = i * k;
            double norm = 0;
            for (int f = 0; f < k; f++) {
                norm += (double) y[yo + f] * y[yo + f];
            }
            itemReg += AlsConfig.rowRegularization(lambda, nu, colPtr[i + 1] - colPtr[i]) * norm;
        }
        return total + itemReg;
    }

    /** Upper triangle (and diagonal) of the double-precision Gram matrix, chunk-ordered. */
    private static double[] gram(float[] m, int rows, int k, ExecutorService pool, int threads) {
        int chunks = ParallelRange.chunkCount(rows, CHUNK * 4);
        double[][] part = new double[chunks][];
        ParallelRange.run(pool, threads, chunks, w -> c -> {
            double[] g = new double[k * k];
            int end = Math.min(rows, (c + 1) * CHUNK * 4);
            for (int r = c * CHUNK * 4; r < end; r++) {
                int o = r * k;
                for (int a = 0; a < k; a++) {
                    double va = m[o + a];
                    int ro = a * k;
                    for (int b = a; b < k; b++) {
                        g[ro + b] += va * m[o + b];
                    }
                }
            }
            part[c] = g;
        });
        double[] g = new double[k * k];
        for (double[] p : part) {
            for (int i = 0; i < g.length; i++) {
                g[i] += p[i];
            }
        }
        return g;
    }
}
