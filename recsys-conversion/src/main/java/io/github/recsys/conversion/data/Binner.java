package io.github.recsys.conversion.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a numeric column into labelled intervals, e.g. age groups: with edges
 * {@code e0 < e1 < ... < ek} and k labels, a value x gets label i when {@code e_i <= x < e_{i+1}}
 * (the last interval also includes {@code ek}). Values outside {@code [e0, ek]} and missing values
 * become missing; use infinite outer edges to catch everything. The result is a categorical column
 * whose levels are the labels in the given order, written to {@code output} (which may be the input
 * column, replacing it). Nothing is learned, so fitting only checks the column. Immutable and thread-safe.
 *
 * <pre>{@code
 * new Binner("Age", "Age_Group", new double[] {18, 25, 35, 45, 55, Double.POSITIVE_INFINITY},
 *            new String[] {"18-24", "25-34", "35-44", "45-54", "55+"});
 * }</pre>
 */
public final class Binner implements Transform, FittedTransform {

    private final String column;
    private final String output;
    private final double[] edges;
    private final String[] labels;

    /**
     * @param column numeric input column
     * @param output name of the categorical output column (may equal {@code column})
     * @param edges  strictly increasing, at least 2, not NaN
     * @param labels edges.length - 1 distinct labels
     */
    public Binner(String column, String output, double[] edges, String[] labels) {
        this.column = Objects.requireNonNull(column, "column");
        this.output = Objects.requireNonNull(output, "output");
        this.edges = edges.clone();
        this.labels = labels.clone();
        if (edges.length < 2) {
            throw new IllegalArgumentException("binning '" + column + "' needs at least 2 edges, was " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (Double.isNaN(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("bin edges must be strictly increasing, was " + Arrays.toString(edges));
            }
        }
        if (labels.length != edges.length - 1) {
            throw new IllegalArgumentException("binning '" + column + "' needs " + (edges.length - 1) + " labels for "
                    + edges.length + " edges, was " + labels.length);
        }
        if (Arrays.stream(labels).distinct().count() != labels.length) {
            throw new IllegalArgumentException("bin labels must be distinct, was " + Arrays.toString(labels));
        }
    }

    /**
     * Bins labelled by their ranges: {@code [18, 25)}, ..., with the last one closed, e.g.
     * {@code [65, inf]}; integral edges are written without decimals.
     */
    public static Binner ranges(String column, String output, double[] edges) {
        String[] labels = new String[Math.max(0, edges.length - 1)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "[" + edgeText(edges[i]) + ", " + edgeText(edges[i + 1]) + (i == labels.length - 1 ? "]" : ")");
        }
        return new Binner(column, output, edges, labels);
    }

    private static String edgeText(double e) {
        return Double.isInfinite(e) ? (e > 0 ? "inf" : "-inf") : NumericColumn.formatNumber(e);
    }

    @Override
    public FittedTransform fit(Table table) {
        table.numeric(column);
        return this;
    }

    @Override
    public Table apply(Table table) {
        NumericColumn x = table.numeric(column);
        int n = x.size();
        int[] codes = new int[n];
        int k = labels.length;
        for (int i = 0; i < n; i++) {
            codes[i] = binOf(x.get(i), k);
        }
        return table.withColumn(CategoricalColumn.wrap(output, codes, labels));
    }

    private int binOf(double v, int k) {
        if (!(v >= edges[0] && v <= edges[k])) {
            return CategoricalColumn.MISSING;
        }
        int pos = Arrays.binarySearch(edges, v);
        int bin = pos >= 0 ? pos : -pos - 2;
        return Math.min(bin, k - 1);
    }

    @Override
    public String toString() {
        return "Binner[" + column + " -> " + output + ", edges " + Arrays.toString(edges) + "]";
    }
}
