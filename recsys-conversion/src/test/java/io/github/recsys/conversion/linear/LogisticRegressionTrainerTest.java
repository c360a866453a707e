package io.github.recsys.conversion.linear;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogisticRegressionTrainerTest {

    /** Synthetic data: correlated standard-normal features, true logistic model, optional weights. */
    static FeatureMatrix synthetic(int n, int p, long seed, boolean weights) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] truth = new double[p];
        for (int j = 0; j < p; j++) {
            truth[j] = (j % 3 == 0) ? 0 : r.nextDouble(-1.5, 1.5);
        }
        double[] x = new double[n * p];
        double[] y = new double[n];
        double[] w = weights ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            double shared = r.nextGaussian();
            double eta = -0.8;
            for (int j = 0; j < p; j++) {
                double v = 0.6 * r.nextGaussian() + 0.4 * shared;
                x[i * p + j] = v;
                eta += truth[j] * v;
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            if (w != null) {
                w[i] = 0.25 + r.nextDouble() * 2;
            }
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "f" + j;
        }
        return FeatureMatrix.wrap(n, p, x, names, null, y, w);
    }

    private static LogisticRegressionConfig.Builder tight() {
        return LogisticRegressionConfig.builder().tolerance(1e-11).maxIterations(2000).threads(1);
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        FeatureMatrix d = synthetic(300, 6, 1, true);
        for (boolean intercept : new boolean[] {true, false}) {
            LogisticObjective obj = new LogisticObjective(d.rawValues(), d.labels(), d.weights(), d.rows(), d.cols(),
                    intercept, 0.7, 1.8, 0.6, null, 1);
            int dim = obj.dim();
            SplittableRandom r = new SplittableRandom(2);
            double[] beta = new double[dim];
            for (int j = 0; j < dim; j++) {
                beta[j] = r.nextDouble(-1, 1);
            }
            if (!intercept) {
                beta[dim - 1] = 0;
            }
            double[] g = new double[dim];
            double[] h = new double[dim * dim];
            double f = obj.evaluate(beta, g, h);
            assertThat(f).isFinite().isPositive();
            double eps = 1e-5;
            double[] gp = new double[dim];
            double[] gm = new double[dim];
            for (int j = 0; j < dim - (intercept ? 0 : 1); j++) {
                double[] bp = beta.clone();
                double[] bm = beta.clone();
                bp[j] += eps;
                bm[j] -= eps;
                double fp = obj.evaluate(bp, gp, null);
                double fm = obj.evaluate(bm, gm, null);
                assertThat(g[j]).as("gradient %d", j).isCloseTo((fp - fm) / (2 * eps), within(1e-5 * Math.max(1, Math.abs(g[j]))));
                for (int k = 0; k < dim - (intercept ? 0 : 1); k++) {
                    double fd = (gp[k] - gm[k]) / (2 * eps);
                    assertThat(h[k * dim + j]).as("hessian %d,%d", k, j).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void twoByTwoTableMatchesClosedForm() {
        // one binary feature, no penalty: slope = log odds ratio, SE = sqrt(1/a + 1/b + 1/c + 1/d)
        int a = 30; // x=1, y=1
        int b = 70; // x=1, y=0
        int c = 20; // x=0, y=1
        int dd = 180; // x=0, y=0
        int n = a + b + c + dd;
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (int k = 0; k < a; k++, i++) {
            x[i] = 1;
            y[i] = 1;
        }
        for (int k = 0; k < b; k++, i++) {
            x[i] = 1;
        }
        for (int k = 0; k < c; k++, i++) {
            y[i] = 1;
        }
        FeatureMatrix m = FeatureMatrix.of(n, 1, x, new String[] {"treated"}, null, y, null);
        double logOr = Math.log((double) a * dd / ((double) b * c));
        double se = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / dd);
        for (Solver s : new Solver[] {Solver.NEWTON, Solver.LBFGS}) {
            LogisticModel model = new LogisticRegressionTrainer(tight().l2(0).solver(s).build()).fit(m);
            assertThat(model.coefficient("treated")).as("%s", s).isCloseTo(logOr, within(1e-8));
            assertThat(model.intercept()).isCloseTo(Math.log((double) c / dd), within(1e-8));
            CoefficientRow row = model.coefficientTable().get(0);
            assertThat(row.stdError()).isCloseTo(se, within(1e-6));
            assertThat(row.oddsRatio()).isCloseTo((double) a * dd / ((double) b * c), within(1e-6));
            assertThat(row.z()).isCloseTo(logOr / se, within(1e-5));
            assertThat(model.report().converged()).isTrue();
        }
    }

    @Test
    void newtonAndLbfgsAgreeOnSyntheticData() {
        FeatureMatrix d = synthetic(5000, 12, 3, true);
        LogisticModel newton = new LogisticRegressionTrainer(tight().solver(Solver.NEWTON).build()).fit(d);
        LogisticModel lbfgs = new LogisticRegressionTrainer(tight().solver(Solver.LBFGS).build()).fit(d);
        assertThat(newton.report().converged()).isTrue();
        assertThat(lbfgs.report().converged()).isTrue();
        double[] a = newton.coefficients();
        double[] b = lbfgs.coefficients();
        for (int j = 0; j < a.length; j++) {
            assertThat(b[j]).as("coefficient %d", j).isCloseTo(a[j], within(1e-6));
        }
        assertThat(lbfgs.intercept()).isCloseTo(newton.intercept(), within(1e-6));
        // the loss history of both solvers decreases
        double[] h = lbfgs.report().lossHistory();
        for (int k = 1; k < h.length; k++) {
            assertThat(h[k]).isLessThanOrEqualTo(h[k - 1] * (1 + 1e-12));
        }
        // standard errors from the L-BFGS path (extra Hessian pass) equal Newton's
        assertThat(lbfgs.standardErrors()).containsExactly(newton.standardErrors(), within(1e-6));
    }

    @Test
    void identicalResultForAnyThreadCount() {
        // more rows than one wave of chunks, and a partial last chunk
        int n = LogisticObjective.CHUNK_ROWS * LogisticObjective.WAVE_CHUNKS + 3 * LogisticObjective.CHUNK_ROWS + 17;
        FeatureMatrix d = synthetic(n, 4, 5, false);
        for (Solver s : new Solver[] {Solver.NEWTON, Solver.LBFGS}) {
            LogisticRegressionConfig.Builder b = LogisticRegressionConfig.builder().solver(s).tolerance(1e-9);
            LogisticModel one = new LogisticRegressionTrainer(b.threads(1).build()).fit(d);
            LogisticModel two = new LogisticRegressionTrainer(b.threads(2).build()).fit(d);
            LogisticModel three = new LogisticRegressionTrainer(b.threads(3).build()).fit(d);
            assertThat(two.coefficients()).isEqualTo(one.coefficients());
            assertThat(three.coefficients()).isEqualTo(one.coefficients());
            assertThat(three.intercept()).isEqualTo(one.intercept());
            assertThat(three.report().lossHistory()).isEqualTo(one.report().lossHistory());
        }
    }

    @Test
    void classWeightEqualsDuplicatingPositiveRows() {
        FeatureMatrix d = synthetic(800, 5, 7, false);
        double[] y = d.labels();
        int pos = 0;
        for (double v : y) {
            pos += (int) v;
        }
        int[] idx = new int[d.rows() + pos];
        int k = 0;
        for (int i = 0; i < d.rows(); i++) {
            idx[k++] = i;
            if (y[i] == 1) {
                idx[k++] = i;
            }
        }
        LogisticModel weighted = new LogisticRegressionTrainer(tight().positiveWeight(2).build()).fit(d);
        LogisticModel duplicated = new LogisticRegressionTrainer(tight().build()).fit(d.selectRows(idx));
        assertThat(weighted.coefficients()).containsExactly(duplicated.coefficients(), within(1e-8));
        assertThat(weighted.intercept()).isCloseTo(duplicated.intercept(), within(1e-8));
    }

    @Test
    void l1SatisfiesOptimalityConditionsAndZeroesCoefficients() {
        FeatureMatrix d = synthetic(3000, 15, 9, false);
        double l1 = 40;
        LogisticModel m = new LogisticRegressionTrainer(tight().l1(l1).l2(0.5).build()).fit(d);
        assertThat(m.report().solver()).isEqualTo(Solver.LBFGS);
        assertThat(m.report().converged()).isTrue();
        double[] beta = new double[d.cols() + 1];
        System.arraycopy(m.coefficients(), 0, beta, 0, d.cols());
        beta[d.cols()] = m.intercept();
        LogisticObjective obj = new LogisticObjective(d.rawValues(), d.labels(), null, d.rows(), d.cols(), true, 0.5,
                1, 1, null, 1);
        double[] g = new double[beta.length];
        obj.evaluate(beta, g, null);
        int zeros = 0;
        for (int j = 0; j < d.cols(); j++) {
            if (beta[j] == 0) {
                zeros++;
                assertThat(Math.abs(g[j])).isLessThanOrEqualTo(l1 * (1 + 1e-6));
            } else {
                assertThat(g[j] + l1 * Math.signum(beta[j])).isCloseTo(0, within(1e-6 * d.rows()));
            }
        }
        assertThat(Math.abs(g[d.cols()])).isLessThan(1e-6 * d.rows());
        assertThat(zeros).isGreaterThan(0);
    }

    @Test
    void modelPredictsAndOutranksChance() {
        FeatureMatrix d = synthetic(4000, 8, 13, false);
        LogisticModel m = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().build()).fit(d);
        double[] p = m.predictProbabilities(d);
        for (double v : p) {
            assertThat(v).isBetween(0.0, 1.0);
        }
        assertThat(ClassificationMetrics.rocAuc(d.labels(), p)).isGreaterThan(0.7);
        // the model does not change when the caller edits returned arrays
        double[] c = m.coefficients();
        c[0] = 99;
        assertThat(m.coefficients()[0]).isNotEqualTo(99);
        assertThat(m.coefficientTable()).hasSize(9);
        assertThat(m.coefficientTable().get(8).name()).isEqualTo(LogisticModel.INTERCEPT);
    }

    @Test
    void autoSolverChoice() {
        LogisticRegressionConfig auto = LogisticRegressionConfig.builder().build();
        assertThat(auto.resolvedSolver(2_000_000, 22)).isEqualTo(Solver.NEWTON);
        assertThat(auto.resolvedSolver(10_000, 74)).isEqualTo(Solver.NEWTON);   // small n * p^2
        assertThat(auto.resolvedSolver(200_000, 100)).isEqualTo(Solver.LBFGS);
        assertThat(auto.toBuilder().l1(0.1).build().resolvedSolver(100, 3)).isEqualTo(Solver.LBFGS);
        assertThat(auto.toBuilder().solver(Solver.NEWTON).build().resolvedSolver(200_000, 100)).isEqualTo(Solver.NEWTON);
    }

    @Test
    void badInputAndConfigAreRejected() {
        FeatureMatrix oneClass = FeatureMatrix.of(3, 1, new double[] {1, 2, 3}, new String[] {"a"}, null,
                new double[] {1, 1, 1}, null);
        LogisticRegressionTrainer t = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().build());
        assertThatThrownBy(() -> t.fit(oneClass)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only class 1");
        FeatureMatrix nan = FeatureMatrix.of(2, 1, new double[] {1, Double.NaN}, new String[] {"age"}, null,
                new double[] {1, 0}, null);
        assertThatThrownBy(() -> t.fit(nan)).hasMessageContaining("feature 'age' of row 1 is NaN");
        assertThatThrownBy(() -> t.fit(oneClass.withLabels(null))).hasMessageContaining("no labels");
        assertThatThrownBy(() -> LogisticRegressionConfig.builder().l2(-1).build()).hasMessage("l2 must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> LogisticRegressionConfig.builder().threads(0).build()).hasMessage("threads must be >= 1, was 0");
        assertThatThrownBy(() -> LogisticRegressionConfig.builder().solver(Solver.NEWTON).l1(1).build())
                .hasMessageContaining("NEWTON does not support an L1 penalty");
        // a + b == 1 duplicates the intercept: X^T W X is singular without a penalty
        FeatureMatrix collinear = FeatureMatrix.of(6, 2, new double[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1},
                new String[] {"a", "b"}, null, new double[] {1, 0, 0, 1, 1, 0}, null);
        LogisticRegressionTrainer newton = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().l2(0)
                .solver(Solver.NEWTON).build());
        assertThatThrownBy(() -> newton.fit(collinear)).hasMessageContaining("not positive definite");
        // AUTO falls back to L-BFGS, which still finds an optimum: fitted rates equal the group rates
        LogisticModel auto = new LogisticRegressionTrainer(LogisticRegressionConfig.builder().l2(0).tolerance(1e-10)
                .build()).fit(collinear);
        assertThat(auto.report().solver()).isEqualTo(Solver.LBFGS);
        assertThat(auto.predictProbability(new double[] {1, 0}, 0)).isCloseTo(2.0 / 3, within(1e-7));
        assertThat(auto.predictProbability(new double[] {0, 1}, 0)).isCloseTo(1.0 / 3, within(1e-7));
        assertThat(auto.standardErrors()).containsOnly(Double.NaN);
    }
}
