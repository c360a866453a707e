package io.github.recsys.linalg;

/**
 * Float kernels on flat row-major arrays, used in the ALS hot loops.
 *
 * <p>Layout: a matrix of {@code rows x k} floats stores row {@code r} at offsets {@code [r*k, r*k+k)}.
 * A {@code k x k} matrix {@code g} is square and row-major. Arguments are not validated (callers in
 * recsys guarantee the bounds); output arrays are named in each method and are the only ones modified.
 *
 * <p>Two implementations exist: {@link #scalar()} (plain Java, unrolled loops) and, when the
 * {@code jdk.incubator.vector} module is present and the system property {@code recsys.simd} is not
 * {@code false}, a SIMD implementation using the preferred vector species with a scalar tail.
 * {@link #preferred()} picks one once per JVM. Results of the two agree to float rounding, not bit for
 * bit; each is deterministic on its own. Implementations are stateless and thread-safe.
 */
public interface FloatKernels {

    /** Short name of the implementation, e.g. {@code "scalar"} or {@code "vector-512"} (the vector bit size). */
    String name();

    /** Returns {@code sum_j a[aOff+j] * b[bOff+j]} for {@code j < n}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** {@code y[yOff+j] += alpha * x[xOff+j]} for {@code j < n}. Modifies {@code y}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code y[j] = x[j] + beta * y[j]} for {@code j < n}. Modifies {@code y}. */
    void xpby(float[] x, float beta, float[] y, int n);

    /**
     * Symmetric matrix-vector product with a diagonal shift: {@code out = (g + shift*I) v}, where
     * {@code g} is a symmetric {@code k x k} matrix (the full square is read). Modifies {@code out}
     * (length &gt;= k), which must not alias {@code v}.
     */
    void symv(float[] g, float[] v, float shift, float[] out, int k);

    /**
     * Adds the Gram matrix of rows {@code [from, to)} of {@code y} ({@code rows x k}, row-major) to the
     * upper triangle of {@code out}: {@code out[a*k+b] += sum_r y_r[a] y_r[b]} for {@code b >= a}.
     * Entries below the diagonal are unspecified afterwards (an implementation may update some of them);
     * read only the upper triangle. Modifies {@code out}.
     */
    void gramAdd(float[] y, int from, int to, int k, float[] out);

    /**
     * The implicit-ALS operator on one sparse row: for each stored entry {@code p} in {@code [from, to)}
     * with column {@code j = idx[p]} and value {@code v = val[p]},
     * {@code out += alpha * v * (y_j . x) * y_j}, where {@code y_j} is row {@code j} of {@code y}
     * ({@code k} floats). Reads each {@code y_j} once for both the dot product and the update.
     * Modifies {@code out} (length &gt;= k), which must not alias {@code x}.
     */
    void sparseOperator(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                        float[] x, float[] out, int k);

    /**
     * The implicit-ALS right-hand side minus the sparse part of the operator, on one sparse row:
     * {@code out += (1 + alpha * v * (1 - y_j . x)) * y_j} over the stored entries (notation as in
     * {@link #sparseOperator}); that is {@code c*p*y_j - (c-1)(y_j . x) y_j} with confidence
     * {@code c = 1 + alpha*v} and preference {@code p = 1}. Modifies {@code out}.
     */
    void sparseResidual(float[] y, int[] idx, float[] val, int from, int to, float alpha,
                        float[] x, float[] out, int k);

    /**
     * Runs every kernel on small inputs of rank {@code k} until the JIT has had the chance to compile
     * them, at most once per rank and JVM. Has no effect on results; the SIMD kernels use it because
     * they are orders of magnitude slower before compilation. The default does nothing.
     */
    default void warmUp(int k) {
    }

    /** The scalar implementation (plain Java 17). */
    static FloatKernels scalar() {
        return ScalarFloatKernels.INSTANCE;
    }

    /**
     * The SIMD implementation, or null when {@code jdk.incubator.vector} is not in the boot layer
     * (start the JVM with {@code --add-modules jdk.incubator.vector}) or cannot be loaded. Ignores the
     * {@code recsys.simd} property.
     */
    static FloatKernels vector() {
        return KernelSelector.VECTOR;
    }

    /**
     * The kernels recsys uses: {@link #vector()} when available and the system property
     * {@code recsys.simd} is not {@code "false"}, else {@link #scalar()}. Chosen once per JVM.
     */
    static FloatKernels preferred() {
        return KernelSelector.PREFERRED;
    }
}
