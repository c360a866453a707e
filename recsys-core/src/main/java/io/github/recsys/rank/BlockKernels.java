package io.github.recsys.rank;

import java.util.Optional;

/**
 * Picks the {@link BlockKernel} once at class initialization: the SIMD kernel when the
 * {@code jdk.incubator.vector} module is in the boot layer (run with
 * {@code --add-modules jdk.incubator.vector}) and its preferred species has 4 to 16 float lanes, else
 * the scalar kernel. System property {@code recsys.vector=false} forces the scalar kernel.
 */
final class BlockKernels {

    private static final System.Logger LOG = System.getLogger(BlockKernels.class.getName());

    static final BlockKernel SCALAR = new ScalarBlockKernel();
    static final BlockKernel SELECTED = select();

    private BlockKernels() {
    }

    private static BlockKernel select() {
        if ("false".equalsIgnoreCase(System.getProperty("recsys.vector"))) {
            return SCALAR;
        }
        Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (vector.isEmpty()) {
            return SCALAR;
        }
        try {
            Class<?> c = Class.forName("io.github.recsys.rank.VectorBlockKernel");
            BlockKernel k = (BlockKernel) c.getDeclaredConstructor().newInstance();
            int vectorLanes = (Integer) c.getDeclaredMethod("vectorLanes").invoke(null);
            if (vectorLanes < 4 || vectorLanes > 16) {
                return SCALAR;
            }
            LOG.log(System.Logger.Level.DEBUG, "top-N scoring kernel: {0}", k.name());
            return k;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "vector kernel unavailable, using scalar: {0}", e);
            return SCALAR;
        }
    }
}
