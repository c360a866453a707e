package io.github.recsys.eval;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperparameterSearchTest {

    /** Users pick items with a strongly skewed (popularity) distribution. */
    private static InteractionLog skewedLog(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 120;
        int items = 50;
        int n = 3000;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int t = 0; t < n; t++) {
            u[t] = rnd.nextInt(users);
            double x = rnd.nextDouble();
            i[t] = (int) (items * x * x * x);
            v[t] = 1;
        }
        return InteractionLog.of(u, i, v, null, n, IdIndex.identity(users), IdIndex.identity(items));
    }

    @Test
    void picksTheBetterSettingAndScoresItOnceOnTest() {
        InteractionLog log = skewedLog(5);
        Split outer = Splits.perUserHoldout(log, 0.2, 1);
        List<HyperparameterSearch.Trial<Boolean>> seen = new ArrayList<>();
        List<InteractionMatrix> fitted = new ArrayList<>();
        HyperparameterSearch<Boolean> search = HyperparameterSearch.<Boolean>builder((reversed, train) -> {
            fitted.add(train);
            return ScoreTableRecommender.popularity(train, reversed);
        }).metric(Metric.NDCG).seed(3).listener(seen::add).build();
        HyperparameterSearch.Result<Boolean> r = search.run(List.of(true, false), outer.train(), outer.test());
        assertThat(seen).extracting(HyperparameterSearch.Trial::index).containsExactly(0, 1);
        assertThat(r.trials()).extracting(HyperparameterSearch.Trial::setting).containsExactly(false, true);
        assertThat(r.best().setting()).isFalse();
        assertThat(r.trials().get(0).validation().ndcg()).isGreaterThan(r.trials().get(1).validation().ndcg());
        // two validation fits on the carved-out part, then one refit on all of train
        assertThat(fitted).hasSize(3);
        assertThat(fitted.get(0).nnz()).isLessThan(fitted.get(2).nnz());
        InteractionMatrix full = outer.train().toMatrix();
        assertThat(fitted.get(2).nnz()).isEqualTo(full.nnz());
        // the default validation share is 10% of each user's distinct training items (rounded)
        assertThat((double) fitted.get(0).nnz() / full.nnz()).isBetween(0.85, 0.95);
        EvaluationResult direct = Evaluator.builder().auc(false).build()
                .evaluate(ScoreTableRecommender.popularity(full, false), full, outer.test().toMatrix());
        assertThat(r.test().means()).isEqualTo(direct.means());
    }

    @Test
    void searchSpaceParsesEnumeratesAndSamples() {
        AlsSetting base = new AlsSetting(64, 0.01, 0, 1, "linear", 1, 15);
        AlsSearchSpace space = AlsSearchSpace.parse("factors=32,64; regularization=0.01,0.1,1 ;alpha=1,10;scale-regularization=true,false", base);
        assertThat(space.size()).isEqualTo(2 * 3 * 2 * 2);
        List<AlsSetting> grid = space.grid();
        assertThat(grid).doesNotHaveDuplicates().hasSize(24);
        assertThat(grid.get(0)).isEqualTo(new AlsSetting(32, 0.01, 1, 1, "linear", 1, 15));
        assertThat(grid.get(1)).isEqualTo(new AlsSetting(32, 0.01, 1, 10, "linear", 1, 15));
        List<AlsSetting> a = space.sample(10, 4);
        assertThat(a).hasSize(10).doesNotHaveDuplicates().isSubsetOf(grid);
        assertThat(space.sample(10, 4)).isEqualTo(a);
        assertThat(space.sample(100, 4)).hasSize(24).containsExactlyInAnyOrderElementsOf(grid);
        AlsSearchSpace exponents = AlsSearchSpace.parse("nu=0,0.25,0.5;regularization=3", base);
        assertThat(exponents.grid()).extracting(AlsSetting::regularizationExponent).containsExactly(0.0, 0.25, 0.5);
        assertThat(AlsSearchSpace.parse("regularizationExponent=0.5", base).grid().get(0).toConfig(AlsConfig.builder().build())
                .regularizationExponent()).isEqualTo(0.5);
        assertThatThrownBy(() -> AlsSearchSpace.parse("nu=3", base)).hasMessageContaining("regularizationExponent must be in [0, 2], was 3.0");
        AlsSearchSpace ranged = AlsSearchSpace.parse("regularization=1..100;alpha=0..1;eps=0.5..1;nu=0..1;factors=8,16", base);
        assertThat(ranged.hasRanges()).isTrue();
        assertThatThrownBy(ranged::grid).isInstanceOf(IllegalStateException.class);
        List<AlsSetting> drawn = ranged.sample(200, 9);
        assertThat(drawn).hasSize(200).isEqualTo(ranged.sample(200, 9));
        assertThat(drawn).allSatisfy(st -> {
            assertThat(st.regularization()).isBetween(1.0, 100.0);
            assertThat(st.alpha()).isBetween(0.0, 1.0); // uniform: the range starts at 0
            assertThat(st.eps()).isBetween(0.5, 1.0);
            assertThat(st.regularizationExponent()).isBetween(0.0, 1.0);
            assertThat(st.factors()).isIn(8, 16);
        });
        // log-uniform: about half the draws below sqrt(1 * 100) = 10
        long below = drawn.stream().filter(st -> st.regularization() < 10).count();
        assertThat(below).isBetween(70L, 130L);
        assertThatThrownBy(() -> AlsSearchSpace.parse("alpha=5..1", base)).hasMessageContaining("lo <= hi");
        assertThatThrownBy(() -> AlsSearchSpace.parse("alpha=1..2,3", base)).hasMessageContaining("only value");
        assertThatThrownBy(() -> AlsSearchSpace.parse("factor=3", base)).hasMessageContaining("unknown grid key 'factor'");
        assertThatThrownBy(() -> AlsSearchSpace.parse("alpha=x", base)).hasMessageContaining("alpha expects numbers, was 'x'");
        assertThatThrownBy(() -> AlsSearchSpace.parse("factors=0", base)).hasMessageContaining("factors must be > 0, was 0");
        assertThatThrownBy(() -> AlsSearchSpace.parse("confidence=cubic", base)).hasMessageContaining("confidence must be one of");
    }
}
