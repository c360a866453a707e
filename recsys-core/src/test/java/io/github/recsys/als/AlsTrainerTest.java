package io.github.recsys.als;

import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.linalg.FloatKernels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlsTrainerTest {

    private static AlsConfig.Builder base() {
        return AlsConfig.builder().factors(8).regularization(0.1).alpha(2).iterations(6).threads(2).seed(7);
    }

    @Test
    void modelHasShapesIdsAndSummary() {
        InteractionMatrix m = AlsTestData.random(30, 20, 0.2, 1);
        AlsModel model = new AlsTrainer(base().build()).fit(m);
        assertThat(model.userCount()).isEqualTo(30);
        assertThat(model.itemCount()).isEqualTo(20);
        assertThat(model.factors()).isEqualTo(8);
        assertThat(model.userFactors()).hasSize(30 * 8);
        assertThat(model.itemFactors()).hasSize(20 * 8);
        assertThat(model.userIndex()).isEqualTo(m.userIndex());
        assertThat(model.summary().iterations()).isEqualTo(6);
        assertThat(model.summary().secondsPerIteration()).hasSize(6);
        assertThat(model.summary().hasLoss()).isFalse();
        float[] u3 = model.userVector(3);
        float[] i5 = model.itemVector(5);
        double dot = 0;
        for (int f = 0; f < 8; f++) {
            dot += (double) u3[f] * i5[f];
        }
        assertThat(model.score(3, 5)).isCloseTo(dot, within(1e-9));
        for (float v : model.userFactors()) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }

    @Test
    void storedPairsScoreHigherThanUnstoredOnAverage() {
        InteractionMatrix m = AlsTestData.random(60, 40, 0.15, 2);
        AlsModel model = new AlsTrainer(base().factors(16).iterations(10).build()).fit(m);
        double in = 0, out = 0;
        int nIn = 0, nOut = 0;
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 40; i++) {
                if (m.contains(u, i)) {
                    in += model.score(u, i);
                    nIn++;
                } else {
                    out += model.score(u, i);
                    nOut++;
                }
            }
        }
        assertThat(in / nIn).isGreaterThan(out / nOut + 0.3);
    }

    @Test
    void emptyRowsAndColumnsGetZeroFactors() {
        // user 2 and item 3 have no entries
        InteractionMatrix m = InteractionMatrix.fromTriples(4, 5, new int[] {0, 0, 1, 3, 3}, new int[] {0, 1, 2, 4, 0},
                new float[] {1, 2, 3, 4, 5}, 5);
        for (AlsSolver solver : AlsSolver.values()) {
            AlsModel model = new AlsTrainer(base().factors(3).solver(solver).build()).fit(m);
            assertThat(model.userVector(2)).containsOnly(0f);
            assertThat(model.itemVector(3)).containsOnly(0f);
            assertThat(model.userVector(0)).isNotEqualTo(new float[3]);
        }
    }

    @Test
    void factorsAreBitIdenticalForAnyThreadCount() {
        InteractionMatrix m = AlsTestData.random(700, 300, 0.05, 3);
        for (AlsSolver solver : AlsSolver.values()) {
            List<String> hashes = new ArrayList<>();
            for (int t : new int[] {1, 2, 8}) {
                hashes.add(new AlsTrainer(base().factors(16).threads(t).solver(solver).build()).fit(m).factorsSha256());
            }
            assertThat(hashes).as(solver.name()).containsOnly(hashes.get(0));
        }
        // and the seed matters
        String a = new AlsTrainer(base().seed(1).build()).fit(m).factorsSha256();
        String b = new AlsTrainer(base().seed(2).build()).fit(m).factorsSha256();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void choleskyRejectsSingularSystemNamingRowAndLambda() {
        // 2 items, rank 6, lambda 0: YᵀY has rank <= 2 < 6, so every user system is singular.
        InteractionMatrix m = InteractionMatrix.fromTriples(3, 2, new int[] {0, 1, 2}, new int[] {0, 1, 0},
                new float[] {1, 1, 1}, 3);
        AlsTrainer trainer = new AlsTrainer(base().factors(6).regularization(0).solver(AlsSolver.CHOLESKY).build());
        assertThatThrownBy(() -> trainer.fit(m))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 0: system not positive definite; increase regularization (was 0.0)");
    }

    @Test
    void scalarAndVectorKernelsTrainToCloseModels() {
        FloatKernels vector = FloatKernels.vector();
        org.junit.jupiter.api.Assumptions.assumeTrue(vector != null, "jdk.incubator.vector not available");
        InteractionMatrix m = AlsTestData.random(200, 120, 0.08, 4);
        // Enough CG steps to converge each row: 3-step CG amplifies float rounding differences, so
        // the two kernels are compared where both solve the row systems accurately.
        AlsConfig c = base().factors(24).iterations(4).cgSteps(40).cgTolerance(0).build();
        AlsModel s = new AlsTrainer(c, FloatKernels.scalar()).fit(m);
        AlsModel v = new AlsTrainer(c, vector).fit(m);
        assertThat(s.summary().kernels()).isEqualTo("scalar");
        assertThat(v.summary().kernels()).startsWith("vector");
        float[] a = s.userFactors();
        float[] b = v.userFactors();
        double maxAbs = 0, maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(a[i]));
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        }
        assertThat(maxDiff).isLessThan(1e-3 * maxAbs);
    }
}
