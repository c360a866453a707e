package io.github.recsys.conversion.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassificationMetricsTest {

    private static final double[] Y4 = {0, 0, 1, 1};
    private static final double[] S4 = {0.1, 0.4, 0.35, 0.8};

    @Test
    void handComputedAucAndAveragePrecision() {
        // pairs (pos, neg): (0.35,0.1) win, (0.35,0.4) loss, (0.8,*) 2 wins -> 3/4
        assertThat(ClassificationMetrics.rocAuc(Y4, S4)).isEqualTo(0.75, within(1e-15));
        // thresholds 0.8: P=1 R=.5; 0.4: P=.5 R=.5; 0.35: P=2/3 R=1 -> AP = .5*1 + .5*2/3
        assertThat(ClassificationMetrics.averagePrecision(Y4, S4)).isEqualTo(0.5 + 0.5 * 2.0 / 3.0, within(1e-15));
    }

    @Test
    void tiesCountHalf() {
        double[] y = {1, 0, 0, 1};
        double[] s = {0.5, 0.5, 0.7, 0.2};
        // pos 0.5: tie with neg 0.5 (1/2), loses to 0.7; pos 0.2 loses both -> 0.5 / 4
        assertThat(ClassificationMetrics.rocAuc(y, s)).isEqualTo(0.125, within(1e-15));
        double[] allTied = {0.3, 0.3, 0.3, 0.3};
        assertThat(ClassificationMetrics.rocAuc(y, allTied)).isEqualTo(0.5, within(1e-15));
    }

    @Test
    void aucMatchesBruteForceWithTiesAndWeights() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rnd.nextInt(300);
            double[] y = new double[n];
            double[] s = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
                s[i] = rnd.nextInt(12) / 4.0; // many ties
                w[i] = 0.5 + rnd.nextDouble();
            }
            y[0] = 1;
            y[1] = 0;
            double num = 0;
            double den = 0;
            double numW = 0;
            double denW = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        double v = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                        num += v;
                        den += 1;
                        numW += w[i] * w[j] * v;
                        denW += w[i] * w[j];
                    }
                }
            }
            assertThat(ClassificationMetrics.rocAuc(y, s)).isEqualTo(num / den, within(1e-12));
            assertThat(ClassificationMetrics.rocAuc(y, s, w)).isEqualTo(numW / denW, within(1e-12));
            // the trapezoidal area of the ROC curve is the same number
            assertThat(ClassificationMetrics.rocCurve(y, s, w).trapezoidArea()).isEqualTo(numW / denW, within(1e-12));
        }
    }

    @Test
    void rocCurvePoints() {
        Curve c = ClassificationMetrics.rocCurve(Y4, S4);
        assertThat(c.x()).containsExactly(0, 0, 0.5, 0.5, 1);
        assertThat(c.y()).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(c.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1);
    }

    @Test
    void confusionMatrixAndDerivedRates() {
        double[] y = {1, 1, 1, 0, 0, 0, 0};
        double[] s = {0.9, 0.6, 0.2, 0.7, 0.4, 0.1, 0.5};
        ConfusionMatrix cm = ClassificationMetrics.confusion(y, s, 0.5);
        assertThat(cm).isEqualTo(new ConfusionMatrix(2, 2, 2, 1));
        assertThat(cm.accuracy()).isEqualTo(4.0 / 7, within(1e-15));
        assertThat(cm.precision()).isEqualTo(0.5, within(1e-15));
        assertThat(cm.recall()).isEqualTo(2.0 / 3, within(1e-15));
        assertThat(cm.f1()).isEqualTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-15));
        ConfusionMatrix none = ClassificationMetrics.confusion(y, s, 2.0);
        assertThat(none.precision()).isZero();
        assertThat(none.f1()).isZero();
        // weights multiply cells
        double[] w = {2, 1, 1, 1, 1, 1, 3};
        assertThat(ClassificationMetrics.confusion(y, s, w, 0.5)).isEqualTo(new ConfusionMatrix(3, 4, 2, 1));
    }

    @Test
    void logLossBrierAndClipping() {
        double[] y = {1, 0};
        double[] p = {0.8, 0.3};
        assertThat(ClassificationMetrics.logLoss(y, p)).isEqualTo(-(Math.log(0.8) + Math.log(0.7)) / 2, within(1e-15));
        assertThat(ClassificationMetrics.brier(y, p)).isEqualTo((0.04 + 0.09) / 2, within(1e-15));
        double[] wrong = {0.0, 1.0};
        // both rows confidently wrong: clipped to about -ln(1e-15) each instead of infinity
        assertThat(ClassificationMetrics.logLoss(y, wrong)).isEqualTo(-Math.log(ClassificationMetrics.LOG_LOSS_EPS),
                within(1e-2)).isFinite();
        assertThat(ClassificationMetrics.logLoss(y, p, new double[] {3, 1}))
                .isEqualTo(-(3 * Math.log(0.8) + Math.log(0.7)) / 4, within(1e-15));
        assertThatThrownBy(() -> ClassificationMetrics.logLoss(y, new double[] {1.5, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability 0").hasMessageContaining("1.5");
    }

    @Test
    void calibrationTable() {
        double[] y = {0, 1, 1, 0, 1};
        double[] p = {0.05, 0.15, 0.95, 0.9, 1.0};
        CalibrationTable t = ClassificationMetrics.calibration(y, p, 2);
        assertThat(t.weights()).containsExactly(2, 3);
        assertThat(t.meanPredicted()[0]).isEqualTo(0.1, within(1e-15));
        assertThat(t.observedRate()[1]).isEqualTo(2.0 / 3, within(1e-15));
        CalibrationTable t10 = ClassificationMetrics.calibration(y, p, 10);
        assertThat(t10.weights()[9]).isEqualTo(3); // p = 1.0 lands in the last bin
        assertThat(t10.observedRate()[5]).isNaN();
    }

    @Test
    void thresholdSearchesMatchBruteForce() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 200;
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.25 ? 1 : 0;
            s[i] = Math.round((y[i] * 0.3 + rnd.nextDouble()) * 50) / 50.0;
        }
        double bestF1 = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ConfusionMatrix cm = ClassificationMetrics.confusion(y, s, s[i]);
            bestF1 = Math.max(bestF1, cm.f1());
            bestCost = Math.min(bestCost, 1 * cm.falsePositives() + 5 * cm.falseNegatives());
        }
        bestCost = Math.min(bestCost, 5 * ClassificationMetrics.confusion(y, s, 1e9).falseNegatives());
        ThresholdChoice f1 = ClassificationMetrics.bestF1Threshold(y, s);
        assertThat(f1.value()).isEqualTo(bestF1, within(1e-12));
        assertThat(ClassificationMetrics.confusion(y, s, f1.threshold())).isEqualTo(f1.confusion());
        ThresholdChoice cost = ClassificationMetrics.minCostThreshold(y, s, 1, 5);
        assertThat(cost.value()).isEqualTo(bestCost, within(1e-12));
        // when false negatives are free, predicting nothing positive is best (ties go to the higher threshold)
        assertThat(ClassificationMetrics.minCostThreshold(y, s, 1, 0).threshold()).isInfinite();
    }

    @Test
    void badInputIsRejectedWithValues() {
        assertThatThrownBy(() -> ClassificationMetrics.rocAuc(new double[] {1, 1}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no negative");
        assertThatThrownBy(() -> ClassificationMetrics.rocAuc(new double[] {1, 2}, new double[] {0.1, 0.2}))
                .hasMessageContaining("label 1 must be 0 or 1, was 2.0");
        assertThatThrownBy(() -> ClassificationMetrics.rocAuc(new double[] {1, 0}, new double[] {0.1}))
                .hasMessageContaining("labels has 2 entries but scores has 1");
        assertThatThrownBy(() -> ClassificationMetrics.rocAuc(new double[] {1, 0}, new double[] {0.1, Double.NaN}))
                .hasMessageContaining("score 1 must be finite");
    }
}
