package io.github.recsys.data;

import io.github.recsys.internal.Internals;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sparse users x items matrix of non-negative, finite float values, stored both as CSR
 * (rows = users) and as its transpose (CSC, rows = items), so that ALS can sweep either side.
 *
 * <p>Shapes: {@code rows()} users, {@code cols()} items, {@code nnz()} stored nonzeros; within a row,
 * column indices are strictly increasing (duplicates were summed at build time), and likewise row
 * indices within a column. Memory: 16 bytes per nonzero for both orientations together (two int
 * indices and two float values) plus 4 bytes per row and per column; see {@link #memoryBytes()}.
 *
 * <p>Each matrix carries the {@link IdIndex}es of its rows and columns (identity indexes when built
 * from dense indices). Instances are immutable and safe to share between threads; accessors return
 * copies.
 */
public final class InteractionMatrix {

    static {
        Internals.setMatrixAccess(new Internals.MatrixAccess() {
            @Override public int[] rowPtr(InteractionMatrix m) { return m.rowPtr; }
            @Override public int[] colIdx(InteractionMatrix m) { return m.colIdx; }
            @Override public float[] rowValues(InteractionMatrix m) { return m.rowValues; }
            @Override public int[] colPtr(InteractionMatrix m) { return m.colPtr; }
            @Override public int[] rowIdx(InteractionMatrix m) { return m.rowIdx; }
            @Override public float[] colValues(InteractionMatrix m) { return m.colValues; }
            @Override public InteractionMatrix wrap(int rows, int cols, int[] rowPtr, int[] colIdx, float[] rowValues,
                                                   int[] colPtr, int[] rowIdx, float[] colValues,
                                                   IdIndex users, IdIndex items) {
                return new InteractionMatrix(rows, cols, rowPtr, colIdx, rowValues, colPtr, rowIdx, colValues, users, items);
            }
        });
    }

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] rowValues;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final float[] colValues;
    private final IdIndex userIndex;
    private final IdIndex itemIndex;

    private InteractionMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] rowValues,
                              int[] colPtr, int[] rowIdx, float[] colValues, IdIndex users, IdIndex items) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.rowValues = rowValues;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.colValues = colValues;
        this.userIndex = users != null ? users : IdIndex.identity(rows);
        this.itemIndex = items != null ? items : IdIndex.identity(cols);
        if (userIndex.size() != rows) {
            throw new IllegalArgumentException("user index has " + userIndex.size() + " ids, expected " + rows);
        }
        if (itemIndex.size() != cols) {
            throw new IllegalArgumentException("item index has " + itemIndex.size() + " ids, expected " + cols);
        }
    }

    /**
     * Builds a matrix from (user, item, value) triples in any order; duplicate (user, item) pairs are
     * summed (in double precision). Only the first {@code n} entries of each array are read.
     *
     * @param rows   number of users (rows), &gt;= 0
     * @param cols   number of items (columns), &gt;= 0
     * @param users  user index of each triple, in [0, rows); not modified
     * @param items  item index of each triple, in [0, cols); not modified
     * @param values value of each triple, finite and &gt;= 0; not modified
     * @param n      number of triples
     * @throws IllegalArgumentException naming the offending user, item and value for an index out of
     *                                  range or a negative or non-finite value
     */
    public static InteractionMatrix fromTriples(int rows, int cols, int[] users, int[] items, float[] values, int n) {
        return fromTriples(rows, cols, users, items, values, n, null, null);
    }

    /**
     * As {@link #fromTriples(int, int, int[], int[], float[], int)}, with the ids of rows and columns.
     *
     * @param userIds ids of the rows (size {@code rows}), or null for the identity
     * @param itemIds ids of the columns (size {@code cols}), or null for the identity
     */
    public static InteractionMatrix fromTriples(int rows, int cols, int[] users, int[] items, float[] values, int n,
                                                IdIndex userIds, IdIndex itemIds) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, was " + rows + " x " + cols);
        }
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(values, "values");
        if (n < 0 || n > users.length || n > items.length || n > values.length) {
            throw new IllegalArgumentException("n = " + n + " must be in [0, min(array lengths)] = [0, "
                    + Math.min(users.length, Math.min(items.length, values.length)) + "]");
        }
        int[] count = new int[rows + 1];
        for (int t = 0; t < n; t++) {
            int u = users[t];
            int i = items[t];
            float v = values[t];
            if (u < 0 || u >= rows) {
                throw new IllegalArgumentException("triple " + t + ": user " + u + " out of range [0, " + rows
                        + ") (item " + i + ", value " + v + ")");
            }
            if (i < 0 || i >= cols) {
                throw new IllegalArgumentException("triple " + t + ": item " + i + " out of range [0, " + cols
                        + ") (user " + u + ", value " + v + ")");
            }
            if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("triple " + t + ": value " + v + " for user " + u + ", item " + i
                        + " must be finite and >= 0");
            }
            count[u + 1]++;
        }
        // Stable counting sort by column, then by row: rows come out with increasing columns.
        int[] colCount = new int[cols + 1];
        for (int t = 0; t < n; t++) {
            colCount[items[t] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            colCount[c + 1] += colCount[c];
        }
        int[] byCol = new int[n];
        for (int t = 0; t < n; t++) {
            byCol[colCount[items[t]]++] = t;
        }
        for (int r = 0; r < rows; r++) {
            count[r + 1] += count[r];
        }
        int[] fill = Arrays.copyOf(count, rows);
        int[] sortedCol = new int[n];
        double[] sortedVal = new double[n];
        for (int s = 0; s < n; s++) {
            int t = byCol[s];
            int pos = fill[users[t]]++;
            sortedCol[pos] = items[t];
            sortedVal[pos] = values[t];
        }
        byCol = null;
        // Merge duplicates in place.
        int[] rowPtr = new int[rows + 1];
        int w = 0;
        for (int r = 0; r < rows; r++) {
            int start = w;
            for (int p = count[r]; p < count[r + 1]; p++) {
                if (w > start && sortedCol[w - 1] == sortedCol[p]) {
                    sortedVal[w - 1] += sortedVal[p];
                } else {
                    sortedCol[w] = sortedCol[p];
                    sortedVal[w] = sortedVal[p];
                    w++;
                }
            }
            rowPtr[r + 1] = w;
        }
        int nnz = w;
        int[] colIdx = Arrays.copyOf(sortedCol, nnz);
        float[] rowValues = new float[nnz];
        for (int p = 0; p < nnz; p++) {
            double v = sortedVal[p];
            if (v > Float.MAX_VALUE) {
                throw new IllegalArgumentException("summed value " + v + " overflows float for item " + colIdx[p]);
            }
            rowValues[p] = (float) v;
        }
        return fromCsr(rows, cols, rowPtr, colIdx, rowValues, userIds, itemIds);
    }

    /** Builds the transpose of a validated CSR structure (the arrays become owned by the matrix). */
    private static InteractionMatrix fromCsr(int rows, int cols, int[] rowPtr, int[] colIdx, float[] rowValues,
                                             IdIndex userIds, IdIndex itemIds) {
        int nnz = rowPtr[rows];
        int[] colPtr = new int[cols + 1];
        for (int p = 0; p < nnz; p++) {
            colPtr[colIdx[p] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            colPtr[c + 1] += colPtr[c];
        }
        int[] fill = Arrays.copyOf(colPtr, cols);
        int[] rowIdx = new int[nnz];
        float[] colValues = new float[nnz];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                int pos = fill[colIdx[p]]++;
                rowIdx[pos] = r;
                colValues[pos] = rowValues[p];
            }
        }
        return new InteractionMatrix(rows, cols, rowPtr, colIdx, rowValues, colPtr, rowIdx, colValues, userIds, itemIds);
    }

    /** Number of rows (users). */
    public int rows() {
        return rows;
    }

    /** Number of columns (items). */
    public int cols() {
        return cols;
    }

    /** Number of stored nonzeros. */
    public int nnz() {
        return rowPtr[rows];
    }

    /** Ids of the rows (users). */
    public IdIndex userIndex() {
        return userIndex;
    }

    /** Ids of the columns (items). */
    public IdIndex itemIndex() {
        return itemIndex;
    }

    /** Number of stored entries in row {@code user}. */
    public int rowLength(int user) {
        checkRow(user);
        return rowPtr[user + 1] - rowPtr[user];
    }

    /** Number of stored entries in column {@code item}. */
    public int colLength(int item) {
        checkCol(item);
        return colPtr[item + 1] - colPtr[item];
    }

    /** Column indices of row {@code user}, increasing (a copy). */
    public int[] rowItems(int user) {
        checkRow(user);
        return Arrays.copyOfRange(colIdx, rowPtr[user], rowPtr[user + 1]);
    }

    /** Values of row {@code user}, aligned with {@link #rowItems(int)} (a copy). */
    public float[] rowValues(int user) {
        checkRow(user);
        return Arrays.copyOfRange(rowValues, rowPtr[user], rowPtr[user + 1]);
    }

    /** Row indices of column {@code item}, increasing (a copy). */
    public int[] colUsers(int item) {
        checkCol(item);
        return Arrays.copyOfRange(rowIdx, colPtr[item], colPtr[item + 1]);
    }

    /** Values of column {@code item}, aligned with {@link #colUsers(int)} (a copy). */
    public float[] colValues(int item) {
        checkCol(item);
        return Arrays.copyOfRange(colValues, colPtr[item], colPtr[item + 1]);
    }

    /** The stored value at (user, item), or 0 when absent (binary search in the row). */
    public float get(int user, int item) {
        checkRow(user);
        checkCol(item);
        int p = Arrays.binarySearch(colIdx, rowPtr[user], rowPtr[user + 1], item);
        return p >= 0 ? rowValues[p] : 0f;
    }

    /** True when (user, item) is stored. */
    public boolean contains(int user, int item) {
        checkRow(user);
        checkCol(item);
        return Arrays.binarySearch(colIdx, rowPtr[user], rowPtr[user + 1], item) >= 0;
    }

    /** The transposed matrix (items x users), sharing this matrix's arrays. */
    public InteractionMatrix transpose() {
        return new InteractionMatrix(cols, rows, colPtr, rowIdx, colValues, rowPtr, colIdx, rowValues, itemIndex, userIndex);
    }

    /**
     * A matrix with the same structure and ids whose value at each nonzero is
     * {@code f.apply(user, item, value)}; the result must be finite and &gt;= 0.
     */
    public InteractionMatrix mapValues(ValueFunction f) {
        Objects.requireNonNull(f, "f");
        float[] newRow = new float[rowValues.length];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                float v = f.apply(r, colIdx[p], rowValues[p]);
                if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("mapped value " + v + " for user " + r + ", item " + colIdx[p]
                            + " (from " + rowValues[p] + ") must be finite and >= 0");
                }
                newRow[p] = v;
            }
        }
        return fromCsr(rows, cols, rowPtr, colIdx, newRow, userIndex, itemIndex);
    }

    /**
     * Bytes held by the index and value arrays of both orientations: 16 per nonzero plus 4 per row
     * and per column (pointer arrays), excluding the id indexes.
     */
    public long memoryBytes() {
        long nnz = nnz();
        return nnz * 16L + 4L * (rows + 1) + 4L * (cols + 1);
    }

    private void checkRow(int user) {
        if (user < 0 || user >= rows) {
            throw new IndexOutOfBoundsException("user index " + user + " out of range [0, " + rows + ")");
        }
    }

    private void checkCol(int item) {
        if (item < 0 || item >= cols) {
            throw new IndexOutOfBoundsException("item index " + item + " out of range [0, " + cols + ")");
        }
    }

    @Override
    public String toString() {
        return "InteractionMatrix[" + rows + " x " + cols + ", nnz=" + nnz() + "]";
    }

    /** A value transform for {@link #mapValues(ValueFunction)}. */
    @FunctionalInterface
    public interface ValueFunction {
        /** The new value of the nonzero at (user, item) whose current value is {@code value}. */
        float apply(int user, int item, float value);
    }
}
