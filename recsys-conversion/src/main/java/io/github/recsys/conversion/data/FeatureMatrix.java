package io.github.recsys.conversion.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense n x p design matrix (row-major doubles) with optional binary labels and row
 * weights: what models train on after a fitted preprocessing pipeline has turned a {@code Table}
 * into numbers.
 *
 * <p>Column {@code j} is either numeric (any double; NaN = missing) or categorical with
 * {@code cardinality(j)} levels coded {@code 0 .. cardinality-1} (NaN = missing), so tree learners
 * can split categories natively while linear models see one-hot or ordinal columns.
 * Labels, when present, are 0 or 1. Weights, when present, are finite and &gt;= 0.
 *
 * <p>Immutable and safe to share between threads: accessors return copies, except
 * {@link #rawValues()} which hands out the internal array for kernels that promise not to write it.
 */
public final class FeatureMatrix {

    private final int rows;
    private final int cols;
    private final double[] values;
    private final String[] names;
    private final int[] cardinality; // 0 = numeric
    private final double[] labels;   // null = unlabeled
    private final double[] weights;  // null = all 1

    private FeatureMatrix(int rows, int cols, double[] values, String[] names, int[] cardinality,
                          double[] labels, double[] weights) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.names = names;
        this.cardinality = cardinality;
        this.labels = labels;
        this.weights = weights;
    }

    /**
     * A matrix over a copy of {@code values}.
     *
     * @param rows        n &gt;= 0
     * @param cols        p &gt;= 0
     * @param values      n*p row-major values (copied)
     * @param names       p column names (copied), distinct
     * @param cardinality p entries: 0 for a numeric column, else the number of category codes (copied); null = all numeric
     * @param labels      n labels in {0, 1} (copied), or null
     * @param weights     n row weights (copied), or null for unit weights
     */
    public static FeatureMatrix of(int rows, int cols, double[] values, String[] names, int[] cardinality,
                                   double[] labels, double[] weights) {
        return wrap(rows, cols, values.clone(), names.clone(), cardinality == null ? new int[cols] : cardinality.clone(),
                labels == null ? null : labels.clone(), weights == null ? null : weights.clone());
    }

    /**
     * As {@link #of}, taking ownership of the arrays without copying them (the caller must not touch
     * them afterwards); validates shapes and values.
     */
    public static FeatureMatrix wrap(int rows, int cols, double[] values, String[] names, int[] cardinality,
                                     double[] labels, double[] weights) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, was " + rows + " x " + cols);
        }
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(names, "names");
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected rows*cols = "
                    + rows + "*" + cols + " = " + (long) rows * cols);
        }
        if (names.length != cols) {
            throw new IllegalArgumentException("names has " + names.length + " entries, expected " + cols);
        }
        int[] card = cardinality == null ? new int[cols] : cardinality;
        if (card.length != cols) {
            throw new IllegalArgumentException("cardinality has " + card.length + " entries, expected " + cols);
        }
        for (int j = 0; j < cols; j++) {
            if (card[j] < 0) {
                throw new IllegalArgumentException("cardinality of column '" + names[j] + "' must be >= 0, was " + card[j]);
            }
        }
        if (labels != null) {
            if (labels.length != rows) {
                throw new IllegalArgumentException("labels has " + labels.length + " entries, expected " + rows);
            }
            for (int i = 0; i < rows; i++) {
                if (labels[i] != 0.0 && labels[i] != 1.0) {
                    throw new IllegalArgumentException("label of row " + i + " must be 0 or 1, was " + labels[i]);
                }
            }
        }
        if (weights != null) {
            if (weights.length != rows) {
                throw new IllegalArgumentException("weights has " + weights.length + " entries, expected " + rows);
            }
            for (int i = 0; i < rows; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("weight of row " + i + " must be finite and >= 0, was " + weights[i]);
                }
            }
        }
        return new FeatureMatrix(rows, cols, values, names, card, labels, weights);
    }

    /** Number of rows n. */
    public int rows() {
        return rows;
    }

    /** Number of columns p. */
    public int cols() {
        return cols;
    }

    /** Value at (row, col). */
    public double get(int row, int col) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " out of range [0, " + rows + ")");
        }
        if (col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("col " + col + " out of range [0, " + cols + ")");
        }
        return values[row * cols + col];
    }

    /** Row {@code row} as a new array of length p. */
    public double[] row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " out of range [0, " + rows + ")");
        }
        return Arrays.copyOfRange(values, row * cols, row * cols + cols);
    }

    /** All values, row-major (a copy). */
    public double[] values() {
        return values.clone();
    }

    /**
     * The internal row-major value array, not copied: for training and prediction kernels, which
     * must treat it as read-only.
     */
    public double[] rawValues() {
        return values;
    }

    /** Column names (a copy). */
    public String[] names() {
        return names.clone();
    }

    /** Name of column {@code col}. */
    public String name(int col) {
        return names[col];
    }

    /** Index of the column with this name, or -1. */
    public int indexOf(String name) {
        for (int j = 0; j < cols; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** 0 for a numeric column, else the number of category codes of column {@code col}. */
    public int cardinality(int col) {
        return cardinality[col];
    }

    /** True when column {@code col} holds category codes. */
    public boolean isCategorical(int col) {
        return cardinality[col] > 0;
    }

    /** True when labels are present. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Labels in {0, 1} (a copy); {@link IllegalStateException} when unlabeled. */
    public double[] labels() {
        if (labels == null) {
            throw new IllegalStateException("this matrix has no labels");
        }
        return labels.clone();
    }

    /** Label of row {@code row}. */
    public double label(int row) {
        if (labels == null) {
            throw new IllegalStateException("this matrix has no labels");
        }
        return labels[row];
    }

    /** Row weights (a copy), or null for unit weights. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Weight of row {@code row} (1 when unweighted). */
    public double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    /** The rows at the given indices, in that order (labels and weights follow). */
    public FeatureMatrix selectRows(int[] rowIndices) {
        double[] v = new double[rowIndices.length * cols];
        double[] l = labels == null ? null : new double[rowIndices.length];
        double[] w = weights == null ? null : new double[rowIndices.length];
        for (int k = 0; k < rowIndices.length; k++) {
            int r = rowIndices[k];
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("row " + r + " out of range [0, " + rows + ")");
            }
            System.arraycopy(values, r * cols, v, k * cols, cols);
            if (l != null) {
                l[k] = labels[r];
            }
            if (w != null) {
                w[k] = weights[r];
            }
        }
        return new FeatureMatrix(rowIndices.length, cols, v, names, cardinality, l, w);
    }

    /** The same features with other labels (copied; null removes them). */
    public FeatureMatrix withLabels(double[] newLabels) {
        return wrap(rows, cols, values, names, cardinality, newLabels == null ? null : newLabels.clone(), weights);
    }

    /** The same features and labels with other row weights (copied; null = unit weights). */
    public FeatureMatrix withWeights(double[] newWeights) {
        return wrap(rows, cols, values, names, cardinality, labels, newWeights == null ? null : newWeights.clone());
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + (labels != null ? ", labeled" : "") + "]";
    }
}
