package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CartTrainerTest {

    @Test
    void separableDataIsFitExactlyWithCategoricalAndMissingSplits() {
        // y = 1 iff (category in {1, 3}) or value missing
        SplittableRandom r = new SplittableRandom(2);
        int n = 400;
        double[] v = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(5);
            boolean miss = r.nextDouble() < 0.1;
            v[2 * i] = c;
            v[2 * i + 1] = miss ? Double.NaN : r.nextDouble();
            y[i] = (c == 1 || c == 3 || miss) ? 1 : 0;
        }
        FeatureMatrix x = FeatureMatrix.of(n, 2, v, new String[] {"cat", "num"}, new int[] {5, 0}, y, null);
        for (SplitCriterion crit : SplitCriterion.values()) {
            DecisionTreeModel m = new CartTrainer(CartConfig.builder().criterion(crit).build()).fit(x);
            for (int i = 0; i < n; i++) {
                assertThat(m.predictProbability(v, 2 * i)).isEqualTo(y[i]);
            }
            // the category split needs one node, missing values one more
            assertThat(m.tree().leafCount()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void limitsAreRespected() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 2000;
        double[] v = new double[n * 3];
        double[] y = new double[n];
        for (int i = 0; i < n * 3; i++) {
            v[i] = r.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < v[3 * i] ? 1 : 0;
        }
        FeatureMatrix x = FeatureMatrix.of(n, 3, v, new String[] {"a", "b", "c"}, null, y, null);
        DecisionTreeModel deep = new CartTrainer(CartConfig.builder().build()).fit(x);
        DecisionTreeModel d3 = new CartTrainer(CartConfig.builder().maxDepth(3).build()).fit(x);
        DecisionTreeModel leaf50 = new CartTrainer(CartConfig.builder().minSamplesLeaf(50).build()).fit(x);
        DecisionTreeModel dec = new CartTrainer(CartConfig.builder().minImpurityDecrease(0.01).build()).fit(x);
        assertThat(d3.tree().depth()).isEqualTo(3);
        assertThat(deep.tree().leafCount()).isGreaterThan(leaf50.tree().leafCount());
        TreeModel t = leaf50.tree();
        for (int k = 0; k < t.nodeCount(); k++) {
            assertThat(t.cover(k)).isGreaterThanOrEqualTo(50);
            if (!t.isLeaf(k)) {
                assertThat(t.gain(k)).isPositive();
            }
        }
        TreeModel td = dec.tree();
        for (int k = 0; k < td.nodeCount(); k++) {
            if (!td.isLeaf(k)) {
                assertThat(td.gain(k)).isGreaterThan(0.01);
            }
        }
        // unlimited depth on distinct values separates the training rows: leaves are pure
        for (int k = 0; k < deep.tree().nodeCount(); k++) {
            if (deep.tree().isLeaf(k)) {
                assertThat(deep.tree().value(k)).isIn(0.0, 1.0);
            }
        }
        assertThatThrownBy(() -> CartConfig.builder().minSamplesSplit(1).build())
                .hasMessage("minSamplesSplit must be finite and >= 2, was 1.0");
    }

    @Test
    void giniGainOfAStumpMatchesHandComputation() {
        // x: 0 0 1 1 1, y: 0 0 1 1 0 -> best split x <= 0.5: left {0,0} pure, right {1,1,0}
        FeatureMatrix x = FeatureMatrix.of(5, 1, new double[] {0, 0, 1, 1, 1}, new String[] {"x"}, null,
                new double[] {0, 0, 1, 1, 0}, null);
        DecisionTreeModel m = new CartTrainer(CartConfig.builder().maxDepth(1).build()).fit(x);
        double parent = 1 - 0.4 * 0.4 - 0.6 * 0.6;
        double right = 1 - (2.0 / 3) * (2.0 / 3) - (1.0 / 3) * (1.0 / 3);
        assertThat(m.tree().gain(0)).isCloseTo(parent - 0.6 * right, within(1e-12));
        assertThat(m.predictProbability(new double[] {1}, 0)).isCloseTo(2.0 / 3, within(1e-12));
    }
}
