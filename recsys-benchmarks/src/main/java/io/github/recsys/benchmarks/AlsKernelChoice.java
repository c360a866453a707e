package io.github.recsys.benchmarks;

import io.github.recsys.linalg.FloatKernels;

/** Maps a benchmark {@code @Param} value ({@code vector} or {@code scalar}) to float kernels. */
final class AlsKernelChoice {

    private AlsKernelChoice() {
    }

    static FloatKernels of(String name) {
        switch (name) {
            case "scalar":
                return FloatKernels.scalar();
            case "vector":
                FloatKernels v = FloatKernels.vector();
                if (v == null) {
                    throw new IllegalStateException("vector kernels unavailable: run the JVM with --add-modules jdk.incubator.vector");
                }
                return v;
            default:
                throw new IllegalArgumentException("kernel must be vector or scalar, was " + name);
        }
    }
}
