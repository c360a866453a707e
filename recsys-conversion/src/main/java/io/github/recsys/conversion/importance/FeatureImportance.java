package io.github.recsys.conversion.importance;

import java.util.Arrays;
import java.util.Objects;

/**
 * One importance value per named feature column. Immutable and thread-safe; accessors copy.
 */
public final class FeatureImportance {

    private final String kind;
    private final String[] names;
    private final double[] values;

    /**
     * @param kind   what the values measure (e.g. "gain", "split", "permutation:auc")
     * @param names  p feature names (copied)
     * @param values p values (copied)
     */
    public FeatureImportance(String kind, String[] names, double[] values) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (names.length != values.length) {
            throw new IllegalArgumentException("names has " + names.length + " entries, values has " + values.length);
        }
        this.names = names.clone();
        this.values = values.clone();
    }

    /** What the values measure. */
    public String kind() {
        return kind;
    }

    /** Feature names (a copy). */
    public String[] names() {
        return names.clone();
    }

    /** Values, one per feature (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Number of features. */
    public int size() {
        return values.length;
    }

    /** Value of feature {@code j}. */
    public double value(int j) {
        return values[j];
    }

    /** Name of feature {@code j}. */
    public String name(int j) {
        return names[j];
    }

    /**
     * Values divided by their sum, so they sum to 1; all zeros when the sum is 0 (e.g. a model
     * without splits).
     */
    public FeatureImportance normalized() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        double[] out = new double[values.length];
        if (s != 0) {
            for (int j = 0; j < out.length; j++) {
                out[j] = values[j] / s;
            }
        }
        return new FeatureImportance(kind, names, out);
    }

    /** Feature indices by decreasing value (ties by lower index). */
    public int[] ranking() {
        Integer[] idx = new Integer[values.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[idx.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = idx[j];
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeatureImportance[").append(kind);
        for (int j : ranking()) {
            sb.append(", ").append(names[j]).append('=').append(values[j]);
        }
        return sb.append(']').toString();
    }
}
