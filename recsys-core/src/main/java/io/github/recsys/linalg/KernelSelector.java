package io.github.recsys.linalg;

/** Picks the kernel implementation once per JVM; the vector class is loaded reflectively. */
final class KernelSelector {

    private static final System.Logger LOG = System.getLogger(KernelSelector.class.getName());

    static final FloatKernels VECTOR = loadVector();
    static final FloatKernels PREFERRED = choose();

    private KernelSelector() {
    }

    private static FloatKernels loadVector() {
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            Class<?> c = Class.forName("io.github.recsys.linalg.VectorFloatKernels");
            FloatKernels k = (FloatKernels) c.getDeclaredConstructor().newInstance();
            // Smoke test: a failure to link or a wrong answer falls back to scalar.
            float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
            if (k.dot(a, 0, a, 0, a.length) != ScalarFloatKernels.INSTANCE.dot(a, 0, a, 0, a.length)) {
                LOG.log(System.Logger.Level.WARNING, "vector kernels failed their self-test; using scalar");
                return null;
            }
            return k;
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.DEBUG, "vector kernels unavailable: " + t);
            return null;
        }
    }

    private static FloatKernels choose() {
        boolean allowed = !"false".equalsIgnoreCase(System.getProperty("recsys.simd", "true").trim());
        FloatKernels k = allowed && VECTOR != null ? VECTOR : ScalarFloatKernels.INSTANCE;
        LOG.log(System.Logger.Level.DEBUG, "recsys float kernels: " + k.name());
        return k;
    }
}
