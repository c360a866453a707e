/**
 * Dense float kernels on flat row-major arrays: dot, axpy, symmetric matrix-vector products, Gram
 * matrices (YᵀY) and the fused sparse operators of implicit ALS.
 *
 * <p>{@link io.github.recsys.linalg.FloatKernels} has a scalar implementation that runs on any Java 17
 * runtime and an optional SIMD implementation on {@code jdk.incubator.vector}, chosen once at startup
 * ({@link io.github.recsys.linalg.FloatKernels#preferred()}). These are low-level building blocks for
 * the ALS trainer and the benchmarks; arrays are never copied or validated in the hot paths.
 */
package io.github.recsys.linalg;
