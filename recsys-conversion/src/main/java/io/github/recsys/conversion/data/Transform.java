package io.github.recsys.conversion.data;

/**
 * One preprocessing step before it has seen data: {@link #fit} learns its parameters (means,
 * levels, ...) from a table and returns the frozen {@link FittedTransform}. Implementations are
 * immutable and thread-safe. Steps are chained in a {@link Pipeline}.
 */
public interface Transform {

    /**
     * Learns this step's parameters from {@code table} (the output of the previous steps).
     *
     * @throws IllegalArgumentException when a named column is missing or has the wrong type
     */
    FittedTransform fit(Table table);
}
