package io.github.recsys.conversion.importance;

import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.ensemble.GradientBoostingConfig;
import io.github.recsys.conversion.ensemble.GradientBoostingModel;
import io.github.recsys.conversion.ensemble.GradientBoostingTrainer;
import io.github.recsys.conversion.ensemble.RandomForestConfig;
import io.github.recsys.conversion.ensemble.RandomForestModel;
import io.github.recsys.conversion.ensemble.RandomForestTrainer;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.tree.TreeModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImportanceTest {

    /** y depends on column 2 only; the others are noise. */
    private static FeatureMatrix planted(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * 4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                v[4 * i + j] = r.nextGaussian();
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-2.5 * v[4 * i + 2])) ? 1 : 0;
        }
        return FeatureMatrix.of(n, 4, v, new String[] {"n0", "n1", "signal", "n3"}, null, y, null);
    }

    @Test
    void treeImportancesSumAsDefined() {
        FeatureMatrix x = planted(3000, 1);
        GradientBoostingModel gb = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(20).maxDepth(3)
                .build()).fit(x);
        FeatureImportance gain = TreeImportance.totalGain(gb);
        FeatureImportance splits = TreeImportance.splitCount(gb);
        double totalGain = 0;
        int internal = 0;
        for (TreeModel t : gb.trees()) {
            for (int k = 0; k < t.nodeCount(); k++) {
                if (!t.isLeaf(k)) {
                    totalGain += t.gain(k);
                    internal++;
                }
            }
        }
        double sumGain = 0, sumSplits = 0, sumNorm = 0;
        for (int j = 0; j < 4; j++) {
            sumGain += gain.value(j);
            sumSplits += splits.value(j);
            sumNorm += gain.normalized().value(j);
        }
        assertThat(sumGain).isCloseTo(totalGain, within(1e-9 * totalGain));
        assertThat(sumSplits).isEqualTo(internal);
        assertThat(sumNorm).isCloseTo(1.0, within(1e-12));
        assertThat(gain.ranking()[0]).isEqualTo(2);
        RandomForestModel rf = new RandomForestTrainer(RandomForestConfig.builder().trees(10).maxDepth(6).build()).fit(x);
        assertThat(TreeImportance.totalGain(rf).ranking()[0]).isEqualTo(2);
    }

    @Test
    void permutationImportanceRanksThePlantedFeatureFirstAndIsSeeded() {
        FeatureMatrix train = planted(3000, 2);
        FeatureMatrix test = planted(2000, 3);
        GradientBoostingModel gb = new GradientBoostingTrainer(GradientBoostingConfig.builder().rounds(30).maxDepth(3)
                .build()).fit(train);
        FeatureImportance a = PermutationImportance.compute(gb, test, ClassificationMetrics::rocAuc, 3, 42);
        FeatureImportance b = PermutationImportance.compute(gb, test, ClassificationMetrics::rocAuc, 3, 42);
        assertThat(a.ranking()[0]).isEqualTo(2);
        assertThat(a.value(2)).isGreaterThan(0.2);
        for (int j : new int[] {0, 1, 3}) {
            assertThat(Math.abs(a.value(j))).isLessThan(0.02);
        }
        assertThat(b.values()).containsExactly(a.values());
        // the data passed in is not modified
        assertThat(test.rawValues()).containsExactly(planted(2000, 3).rawValues());
    }
}
