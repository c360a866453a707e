package io.github.recsys.als;

import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The training loss: equal to the brute-force sum over all (user, item) pairs, and non-increasing over
 * iterations. Tolerance: Cholesky may rise by at most 1e-9 relative per iteration (its solutions are
 * exact in double but stored as float), CG by at most 1e-6 relative (float CG vectors); both bounds are
 * far below the per-iteration decreases seen early in training.
 */
class AlsLossTest {

    private static double bruteForce(InteractionMatrix m, AlsModel model) {
        AlsConfig c = model.config();
        double loss = 0;
        for (int u = 0; u < m.rows(); u++) {
            for (int i = 0; i < m.cols(); i++) {
                double s = model.score(u, i);
                boolean stored = m.contains(u, i);
                double conf = stored ? 1 + c.alpha() * m.get(u, i) : 1;
                double p = stored ? 1 : 0;
                loss += conf * (p - s) * (p - s);
            }
        }
        for (int u = 0; u < m.rows(); u++) {
            double w = Math.pow(m.rowLength(u), c.regularizationExponent());
            for (float v : model.userVector(u)) {
                loss += c.regularization() * w * v * v;
            }
        }
        for (int i = 0; i < m.cols(); i++) {
            double w = Math.pow(m.colLength(i), c.regularizationExponent());
            for (float v : model.itemVector(i)) {
                loss += c.regularization() * w * v * v;
            }
        }
        return loss;
    }

    @Test
    void lossMatchesBruteForce() {
        InteractionMatrix m = AlsTestData.random(40, 30, 0.2, 21);
        for (double nu : new double[] {0, 0.5, 1}) {
            AlsModel model = new AlsTrainer(AlsConfig.builder().factors(6).iterations(2).alpha(4).regularization(0.3)
                    .regularizationExponent(nu).computeLoss(true).threads(2).build()).fit(m);
            double ref = bruteForce(m, model);
            assertThat(AlsTrainer.loss(m, model)).isCloseTo(ref, within(1e-9 * ref));
            assertThat(model.summary().finalLoss()).isCloseTo(ref, within(1e-9 * ref));
        }
    }

    @Test
    void lossDoesNotRiseAcrossIterations() {
        InteractionMatrix m = AlsTestData.random(150, 90, 0.08, 22);
        for (AlsSolver solver : AlsSolver.values()) {
            for (double nu : new double[] {0, 0.5, 1}) {
                List<Double> losses = new ArrayList<>();
                new AlsTrainer(AlsConfig.builder().factors(12).iterations(12).alpha(5).regularization(0.05)
                        .solver(solver).regularizationExponent(nu).computeLoss(true).threads(2).build())
                        .fit(m, (it, sec, loss) -> losses.add(loss));
                assertThat(losses).hasSize(12);
                double tol = solver == AlsSolver.CHOLESKY ? 1e-9 : 1e-6;
                for (int i = 1; i < losses.size(); i++) {
                    assertThat(losses.get(i)).as("%s nu=%s iteration %d", solver, nu, i + 1)
                            .isLessThanOrEqualTo(losses.get(i - 1) * (1 + tol));
                }
                assertThat(losses.get(11)).isLessThan(losses.get(0));
            }
        }
    }
}
