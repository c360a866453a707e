package io.github.recsys.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weights of event types in a raw event log (e.g. {@code click = 1}, {@code use = 3}), with an
 * optional default weight for types not listed. Immutable and thread-safe.
 *
 * <p>Event type names are matched exactly (case-sensitive). Weights are finite and &gt;= 0.
 */
public final class EventWeights {

    private final Map<String, Double> weights;
    private final double defaultWeight; // NaN = no default

    private EventWeights(Map<String, Double> weights, double defaultWeight) {
        this.weights = Map.copyOf(weights);
        this.defaultWeight = defaultWeight;
    }

    /** Weights from a map (copied), without a default: unknown types are an error. */
    public static EventWeights of(Map<String, ? extends Number> weights) {
        Builder b = builder();
        weights.forEach((k, v) -> b.weight(k, Objects.requireNonNull(v, "weight of " + k).doubleValue()));
        return b.build();
    }

    /** A builder with no types and no default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The weight of {@code eventType}.
     *
     * @throws IllegalArgumentException naming the type and the known types when it is not listed and
     *                                  there is no default
     */
    public double weightOf(String eventType) {
        Double w = weights.get(eventType);
        if (w != null) {
            return w;
        }
        if (Double.isNaN(defaultWeight)) {
            throw new IllegalArgumentException("unknown event type '" + eventType + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(weights.keySet()))
                    + "); give it a weight or set a default weight");
        }
        return defaultWeight;
    }

    /** True when {@code eventType} is listed explicitly. */
    public boolean isKnown(String eventType) {
        return weights.containsKey(eventType);
    }

    /** True when unknown types get {@link #defaultWeight()}. */
    public boolean hasDefault() {
        return !Double.isNaN(defaultWeight);
    }

    /** The default weight; {@link IllegalStateException} when there is none. */
    public double defaultWeight() {
        if (!hasDefault()) {
            throw new IllegalStateException("no default weight");
        }
        return defaultWeight;
    }

    /** The listed weights (an unmodifiable copy). */
    public Map<String, Double> weights() {
        return weights;
    }

    @Override
    public String toString() {
        return "EventWeights" + new java.util.TreeMap<>(weights) + (hasDefault() ? ", default=" + defaultWeight : "");
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final Map<String, Double> weights = new LinkedHashMap<>();
        private double defaultWeight = Double.NaN;

        private Builder() {
        }

        /** Sets the weight of one event type (finite, &gt;= 0). */
        public Builder weight(String eventType, double weight) {
            Objects.requireNonNull(eventType, "eventType");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of event type '" + eventType
                        + "' must be finite and >= 0, was " + weight);
            }
            weights.put(eventType, weight);
            return this;
        }

        /** Sets the weight of types not listed (finite, &gt;= 0). */
        public Builder defaultWeight(double weight) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("default weight must be finite and >= 0, was " + weight);
            }
            defaultWeight = weight;
            return this;
        }

        /** The immutable weights. */
        public EventWeights build() {
            return new EventWeights(weights, defaultWeight);
        }
    }
}
