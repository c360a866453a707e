package io.github.recsys.conversion.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DenseCholeskyTest {

    @Test
    void solveAndInverseDiagonalMatchEjml() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n = 1; n <= 12; n++) {
            double[] b = new double[n * n];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextGaussian();
            }
            DMatrixRMaj bm = DMatrixRMaj.wrap(n, n, b);
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(bm, bm, a); // B^T B + I is positive definite
            for (int i = 0; i < n; i++) {
                a.add(i, i, 1.0);
            }
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = r.nextGaussian();
            }
            DMatrixRMaj expected = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(n, 1, rhs.clone()), expected);
            DMatrixRMaj inv = new DMatrixRMaj(n, n);
            CommonOps_DDRM.invert(a, inv);
            double[] l = a.getData().clone();
            assertThat(DenseCholesky.factor(l, n)).isTrue();
            double[] x = rhs.clone();
            DenseCholesky.solve(l, n, x);
            double[] diag = DenseCholesky.inverseDiagonal(l, n);
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).isCloseTo(expected.get(i, 0), within(1e-9));
                assertThat(diag[i]).isCloseTo(inv.get(i, i), within(1e-9));
            }
        }
    }

    @Test
    void rejectsSingularAndIndefiniteMatrices() {
        // rank one: [1 2; 2 4]
        assertThat(DenseCholesky.factor(new double[] {1, 2, 2, 4}, 2)).isFalse();
        assertThat(DenseCholesky.factor(new double[] {1, 0, 0, -1}, 2)).isFalse();
        assertThat(DenseCholesky.factor(new double[] {4, 2, 2, 3}, 2)).isTrue();
    }
}
