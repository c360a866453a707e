package io.github.recsys.conversion.ensemble;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.tree.SplitCriterion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RandomForestTrainerTest {

    @Test
    void identicalForAnyThreadCount() {
        FeatureMatrix train = Synthetic.sessions(20_000, 7);
        RandomForestConfig.Builder b = RandomForestConfig.builder().trees(6).minSamplesLeaf(5).seed(4);
        RandomForestModel one = new RandomForestTrainer(b.threads(1).build()).fit(train);
        RandomForestModel three = new RandomForestTrainer(b.threads(3).build()).fit(train);
        for (int t = 0; t < 6; t++) {
            assertThat(three.trees().get(t).sameAs(one.trees().get(t))).as("tree %d", t).isTrue();
        }
        assertThat(three.oobAuc()).isEqualTo(one.oobAuc());
        // different trees from different child seeds
        assertThat(one.trees().get(0).sameAs(one.trees().get(1))).isFalse();
    }

    @Test
    void outOfBagAucTracksTestAuc() {
        FeatureMatrix train = Synthetic.sessions(8_000, 8);
        FeatureMatrix test = Synthetic.sessions(8_000, 9);
        for (SplitCriterion c : SplitCriterion.values()) {
            RandomForestModel rf = new RandomForestTrainer(RandomForestConfig.builder().trees(40).criterion(c)
                    .minSamplesLeaf(10).threads(2).build()).fit(train);
            double auc = ClassificationMetrics.rocAuc(test.labels(), rf.predictProbabilities(test));
            assertThat(auc).as("%s test AUC", c).isGreaterThan(0.72);
            assertThat(rf.oobAuc()).as("%s OOB AUC", c).isCloseTo(auc, within(0.03));
            // with 40 bootstrap trees nearly every row is out of bag for some tree
            assertThat(rf.oobRows()).isGreaterThan(7_900);
        }
    }

    @Test
    void subsamplingWithoutReplacementAndBadInput() {
        FeatureMatrix train = Synthetic.sessions(2_000, 10);
        RandomForestModel rf = new RandomForestTrainer(RandomForestConfig.builder().trees(5).bootstrap(false)
                .sampleFraction(0.5).maxDepth(4).build()).fit(train);
        assertThat(rf.trees()).allSatisfy(t -> assertThat(t.depth()).isLessThanOrEqualTo(4));
        assertThat(rf.oobRows()).isGreaterThan(1_800);
        FeatureMatrix one = FeatureMatrix.of(1, 1, new double[] {1}, new String[] {"a"}, null, new double[] {0}, null);
        RandomForestModel single = new RandomForestTrainer(RandomForestConfig.builder().trees(3).build()).fit(one);
        assertThat(single.predictProbability(new double[] {5}, 0)).isEqualTo(0.0);
        assertThat(single.oobAuc()).isNaN();
        assertThatThrownBy(() -> RandomForestConfig.builder().trees(0).build()).hasMessage("trees must be >= 1, was 0");
        assertThatThrownBy(() -> RandomForestConfig.builder().minSamplesLeaf(0.5).build())
                .hasMessage("minSamplesLeaf must be finite and >= 1, was 0.5");
    }
}
