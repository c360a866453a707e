package io.github.recsys.internal;

import io.github.recsys.data.InteractionMatrix;

/**
 * Zero-copy access to the arrays inside recsys' immutable types, for kernels in other packages
 * (the "shared secrets" pattern). Not API: callers must treat every returned array as read-only.
 * Thread-safe.
 */
public final class Internals {

    /** Raw CSR / CSC arrays of an {@link InteractionMatrix}. */
    public interface MatrixAccess {
        /** Row pointers, length rows+1. */
        int[] rowPtr(InteractionMatrix m);
        /** Column index of each nonzero in row-major order, length nnz. */
        int[] colIdx(InteractionMatrix m);
        /** Value of each nonzero in row-major order, length nnz. */
        float[] rowValues(InteractionMatrix m);
        /** Column pointers of the transpose, length cols+1. */
        int[] colPtr(InteractionMatrix m);
        /** Row index of each nonzero in column-major order, length nnz. */
        int[] rowIdx(InteractionMatrix m);
        /** Value of each nonzero in column-major order, length nnz. */
        float[] colValues(InteractionMatrix m);
        /** Wraps arrays without copying or validating; the caller guarantees they form a valid matrix. */
        InteractionMatrix wrap(int rows, int cols, int[] rowPtr, int[] colIdx, float[] rowValues,
                               int[] colPtr, int[] rowIdx, float[] colValues,
                               io.github.recsys.data.IdIndex users, io.github.recsys.data.IdIndex items);
    }

    private static volatile MatrixAccess matrixAccess;

    private Internals() {
    }

    /** Installed once by {@link InteractionMatrix}'s static initializer. */
    public static void setMatrixAccess(MatrixAccess access) {
        matrixAccess = access;
    }

    /** The matrix accessor. */
    public static MatrixAccess matrix() {
        MatrixAccess a = matrixAccess;
        if (a == null) {
            try {
                Class.forName(InteractionMatrix.class.getName(), true, InteractionMatrix.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = matrixAccess;
        }
        return a;
    }
}
