package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.tree.BinnedFeatures;
import io.github.recsys.conversion.tree.TreeModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradientBoostingTrainerTest {

    @Test
    void oneRoundOfDepthOneEqualsHandComputedStump() {
        // one numeric column with 12 distinct values (each its own bin), labels and weights random
        SplittableRandom r = new SplittableRandom(3);
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(12);
            y[i] = r.nextDouble() < 0.15 + 0.06 * x[i] ? 1 : 0;
        }
        FeatureMatrix m = FeatureMatrix.of(n, 1, x, new String[] {"x"}, null, y, null);
        double lambda = 1.5;
        double eta = 0.3;
        GradientBoostingModel model = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(1).maxDepth(1)
                .lambda(lambda).learningRate(eta).minChildWeight(0).build()).fit(m);
        // by hand: base = log-odds of the positive rate, g = p - y, h = p(1-p)
        double pos = 0;
        for (double v : y) {
            pos += v;
        }
        double rate = pos / n;
        double base = Math.log(rate / (1 - rate));
        assertThat(model.baseScore()).isCloseTo(base, within(1e-12));
        double g = rate - 0, h = rate * (1 - rate);
        double bestGain = Double.NEGATIVE_INFINITY;
        double bestT = 0;
        double wl = 0, wr = 0;
        for (int t = 0; t < 11; t++) {
            double gl = 0, hl = 0, gr = 0, hr = 0;
            for (int i = 0; i < n; i++) {
                double gi = rate - y[i];
                if (x[i] <= t) {
                    gl += gi;
                    hl += h;
                } else {
                    gr += gi;
                    hr += h;
                }
            }
            double gain = 0.5 * (gl * gl / (hl + lambda) + gr * gr / (hr + lambda)
                    - (gl + gr) * (gl + gr) / (hl + hr + lambda));
            if (gain > bestGain) {
                bestGain = gain;
                bestT = t;
                wl = -gl / (hl + lambda) * eta;
                wr = -gr / (hr + lambda) * eta;
            }
        }
        assertThat(g).isPositive();
        TreeModel tree = model.trees().get(0);
        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(tree.gain(0)).isCloseTo(bestGain, within(1e-10));
        assertThat(tree.threshold(0)).isBetween(bestT, bestT + 1);
        for (int i = 0; i < n; i++) {
            double expected = base + (x[i] <= bestT ? wl : wr);
            assertThat(model.rawScore(x, i)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void treesAreIdenticalForOneAndTwoThreads() {
        FeatureMatrix train = Synthetic.sessions(40_000, 1);
        for (int leaves : new int[] {0, 15}) {
            GradientBoostingConfig.Builder b = GradientBoostingConfig.builder().rounds(8).maxDepth(leaves == 0 ? 5 : 0)
                    .maxLeaves(leaves).subsample(0.8).colsample(0.8).seed(9);
            GradientBoostingModel one = new GradientBoostingTrainer(b.threads(1).build()).fit(train);
            GradientBoostingModel two = new GradientBoostingTrainer(b.threads(2).build()).fit(train);
            assertThat(two.treeCount()).isEqualTo(one.treeCount());
            for (int t = 0; t < one.treeCount(); t++) {
                assertThat(two.trees().get(t).sameAs(one.trees().get(t))).as("tree %d, leaves %d", t, leaves).isTrue();
            }
            if (leaves > 0) {
                assertThat(one.trees().get(0).leafCount()).isEqualTo(leaves);
            } else {
                assertThat(one.trees().get(0).depth()).isEqualTo(5);
            }
        }
    }

    @Test
    void rawAndBinnedPredictionsAgreeOnTrainingRows() {
        FeatureMatrix train = Synthetic.sessions(5_000, 2);
        GradientBoostingModel model = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(5).maxBins(32)
                .build()).fit(train);
        BinnedFeatures bins = BinnedFeatures.build(train, 32, null);
        double[] v = train.rawValues();
        for (TreeModel t : model.trees()) {
            for (int i = 0; i < train.rows(); i++) {
                assertThat(t.predict(v, i * train.cols())).isEqualTo(t.predictBinned(bins, i));
            }
        }
    }

    @Test
    void learnsThePlantedSignalAndEarlyStoppingKeepsTheBestPrefix() {
        FeatureMatrix train = Synthetic.sessions(20_000, 3);
        FeatureMatrix valid = Synthetic.sessions(5_000, 4);
        double[] truth = new double[10_000];
        FeatureMatrix test = Synthetic.sessions(10_000, 5, truth);
        GradientBoostingModel model = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(400)
                .learningRate(0.3).maxDepth(4).earlyStoppingRounds(10).build()).fit(train, valid);
        double[] loss = model.validationLoss();
        int best = model.bestRound();
        assertThat(model.treeCount()).isEqualTo(best + 1);
        assertThat(loss.length).isLessThan(400).isEqualTo(best + 11);
        for (double l : loss) {
            assertThat(l).isGreaterThanOrEqualTo(loss[best]);
        }
        double auc = ClassificationMetrics.rocAuc(test.labels(), model.predictProbabilities(test));
        // boosting must come close to the AUC of the true probabilities
        double oracle = ClassificationMetrics.rocAuc(test.labels(), truth);
        assertThat(auc).isGreaterThan(oracle - 0.015);
    }

    @Test
    void positiveClassWeightRaisesPredictions() {
        FeatureMatrix train = Synthetic.sessions(5_000, 6);
        GradientBoostingConfig.Builder b = GradientBoostingConfig.builder().rounds(20).maxDepth(3);
        double[] p1 = new GradientBoostingTrainer(b.build()).fit(train).predictProbabilities(train);
        double[] p3 = new GradientBoostingTrainer(b.scalePosWeight(3).build()).fit(train).predictProbabilities(train);
        double m1 = 0, m3 = 0;
        for (int i = 0; i < p1.length; i++) {
            m1 += p1[i];
            m3 += p3[i];
        }
        assertThat(m3).isGreaterThan(1.5 * m1);
    }

    @Test
    void badInputIsHandledOrRejectedClearly() {
        // a single row: a constant model predicting (clamped) its class
        FeatureMatrix one = FeatureMatrix.of(1, 2, new double[] {1, 2}, new String[] {"a", "b"}, null, new double[] {1}, null);
        GradientBoostingModel m = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(3).build()).fit(one);
        assertThat(m.trees()).allSatisfy(t -> assertThat(t.nodeCount()).isEqualTo(1));
        assertThat(m.predictProbability(new double[] {1, 2}, 0)).isBetween(0.5, 1.0);
        // constant features: no split anywhere
        FeatureMatrix constant = FeatureMatrix.of(4, 1, new double[] {3, 3, 3, 3}, new String[] {"c"}, null,
                new double[] {0, 1, 0, 1}, null);
        GradientBoostingModel cm = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(2).minChildWeight(0).build()).fit(constant);
        assertThat(cm.trees().get(0).nodeCount()).isEqualTo(1);
        assertThat(cm.predictProbability(new double[] {3}, 0)).isCloseTo(0.5, within(1e-9));
        // NaN labels are refused by the matrix itself, unlabeled matrices by the trainer
        assertThatThrownBy(() -> FeatureMatrix.of(2, 1, new double[] {1, 2}, new String[] {"a"}, null,
                new double[] {0, Double.NaN}, null)).hasMessageContaining("label of row 1").hasMessageContaining("NaN");
        FeatureMatrix unlabeled = FeatureMatrix.of(2, 1, new double[] {1, 2}, new String[] {"a"}, null, null, null);
        assertThatThrownBy(() -> new GradientBoostingTrainer(GradientBoostingConfig.builder().build()).fit(unlabeled))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels");
        assertThatThrownBy(() -> new GradientBoostingTrainer(GradientBoostingConfig.builder().earlyStoppingRounds(5).build())
                .fit(constant)).hasMessageContaining("earlyStoppingRounds = 5 needs a validation set");
        assertThatThrownBy(() -> GradientBoostingConfig.builder().learningRate(0).build())
                .hasMessage("learningRate must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> GradientBoostingConfig.builder().maxBins(300).build())
                .hasMessage("maxBins must be in [2, 255], was 300");
        assertThatThrownBy(() -> GradientBoostingConfig.builder().subsample(1.5).build())
                .hasMessage("subsample must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> GradientBoostingConfig.builder().maxDepth(0).build())
                .hasMessageContaining("maxDepth and maxLeaves are both 0");
        assertThat(List.of(GradientBoostingConfig.builder().build().lambda())).containsExactly(1.0);
    }
}
