/**
 * JMH benchmarks guarding recsys' hot loops: ALS (CG row solve, Gram matrix, half-sweep), serving
 * (top-N, fold-in), readers, evaluation, logistic regression passes, tree histograms and session
 * tables. Inputs come from fixed seeds in {@code @Setup}. Build with {@code mvn -DskipTests package},
 * run with {@code java --add-modules jdk.incubator.vector -jar recsys-benchmarks/target/benchmarks.jar REGEX -f 1 -wi 2 -i 3}.
 */
package io.github.recsys.benchmarks;
