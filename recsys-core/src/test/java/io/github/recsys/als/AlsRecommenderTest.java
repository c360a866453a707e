package io.github.recsys.als;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlsRecommenderTest {

    static InteractionMatrix randomMatrix(int users, int items, double density, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cap = users * items;
        int[] us = new int[cap];
        int[] is = new int[cap];
        float[] vs = new float[cap];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (rnd.nextDouble() < density) {
                    us[n] = u;
                    is[n] = i;
                    vs[n] = 1 + rnd.nextInt(4);
                    n++;
                }
            }
        }
        return InteractionMatrix.fromTriples(users, items, us, is, vs, n);
    }

    /** A model with Gaussian factors; items listed in {@code duplicates} copy item 0's factors (exact ties). */
    static AlsModel randomModel(int users, int items, int k, AlsConfig config, long seed, int... duplicates) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * rnd.nextGaussian());
        }
        for (int d : duplicates) {
            System.arraycopy(y, 0, y, d * k, k);
        }
        return AlsModel.of(x, y, k, IdIndex.identity(users), IdIndex.identity(items), config,
                new TrainingSummary(0, List.of(), Double.NaN, "test", "test"));
    }

    static AlsConfig config(int k, double lambda, double alpha, boolean scale) {
        return config(k, lambda, alpha, scale ? 1 : 0);
    }

    static AlsConfig config(int k, double lambda, double alpha, double nu) {
        return AlsConfig.builder().factors(k).regularization(lambda).alpha(alpha).regularizationExponent(nu)
                .threads(1).build();
    }

    @Test
    void topNEqualsFullSortOfScoresWithTies() {
        int users = 40;
        int items = 777;
        AlsModel model = randomModel(users, items, 24, config(24, 0.1, 2, false), 1, 5, 17, 300, 776);
        InteractionMatrix train = randomMatrix(users, items, 0.05, 2);
        AlsRecommender rec = new AlsRecommender(model, train, 2);
        double[] all = new double[items];
        for (int u = 0; u < users; u++) {
            rec.scoreAll(u, all);
            for (int i = 0; i < items; i += 97) {
                assertThat(all[i]).isCloseTo(model.score(u, i), within(1e-4 * (1 + Math.abs(model.score(u, i)))));
            }
            int user = u;
            for (int n : new int[] {0, 1, 10, items}) {
                int[] expected = IntStream.range(0, items).filter(i -> !train.contains(user, i)).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> -all[i]).thenComparingInt(i -> i))
                        .limit(n).mapToInt(Integer::intValue).toArray();
                RecommendationList l = rec.recommend(u, n, null);
                assertThat(l.items()).containsExactly(expected);
                assertThat(l.source()).isEqualTo("als");
            }
            // ties: items 0, 5, 17, 300, 776 share factors; unless seen they appear in index order
            int[] tied = Arrays.stream(rec.recommend(u, items, ItemFilter.NONE).items())
                    .filter(i -> i == 0 || i == 5 || i == 17 || i == 300 || i == 776).toArray();
            assertThat(tied).containsExactly(0, 5, 17, 300, 776);
        }
    }

    @Test
    void recommendAllEqualsSingleCallsForAnyThreadCount() {
        AlsModel model = randomModel(300, 500, 16, config(16, 0.1, 2, false), 3);
        InteractionMatrix train = randomMatrix(300, 500, 0.03, 4);
        int[] users = IntStream.range(0, 300).map(u -> (u * 37) % 300).toArray();
        ItemFilter f = ItemFilter.DEFAULT.deny(1, 2, 3).where(i -> i % 11 != 0);
        RecommendationList[] one = new AlsRecommender(model, train, 1).recommendAll(users, 10, f);
        RecommendationList[] three = new AlsRecommender(model, train, 3).recommendAll(users, 10, f);
        AlsRecommender single = new AlsRecommender(model, train, 1);
        for (int j = 0; j < users.length; j++) {
            assertThat(three[j]).isEqualTo(one[j]).isEqualTo(single.recommend(users[j], 10, f));
        }
    }

    /** Reference fold-in: the dense normal equations over every item, solved by EJML. */
    static double[] referenceFoldIn(AlsModel model, int[] items, double[] weights) {
        int k = model.factors();
        AlsConfig c = model.config();
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        double[] conf = new double[model.itemCount()];
        double[] pref = new double[model.itemCount()];
        Arrays.fill(conf, 1.0);
        for (int t = 0; t < items.length; t++) {
            conf[items[t]] += (float) c.alpha() * weights[t];
            pref[items[t]] = 1;
        }
        for (int i = 0; i < model.itemCount(); i++) {
            float[] yi = model.itemVector(i);
            for (int p = 0; p < k; p++) {
                b.data[p] += conf[i] * pref[i] * yi[p];
                for (int q = 0; q < k; q++) {
                    a.data[p * k + q] += conf[i] * yi[p] * yi[q];
                }
            }
        }
        double reg = c.regularization() * Math.pow(items.length, c.regularizationExponent());
        for (int p = 0; p < k; p++) {
            a.data[p * k + p] += reg;
        }
        DMatrixRMaj sol = new DMatrixRMaj(k, 1);
        assertThat(CommonOps_DDRM.solve(a, b, sol)).isTrue();
        return sol.data;
    }

    @Test
    void foldInSolvesTheNormalEquationsExactly() {
        for (double nu : new double[] {0, 0.5, 1}) {
            AlsModel model = randomModel(5, 300, 12, config(12, 0.05, 3, nu), 7);
            AlsRecommender rec = new AlsRecommender(model, null, 1);
            int[] items = {250, 3, 17, 3, 99};          // unsorted, with a duplicate
            double[] w = {1, 2, 0.5, 1, 4};
            float[] got = rec.foldIn(items, w);
            double[] ref = referenceFoldIn(model, new int[] {3, 17, 99, 250}, new double[] {3, 0.5, 4, 1});
            for (int f = 0; f < 12; f++) {
                assertThat((double) got[f]).as("nu=%s f=%d", nu, f).isCloseTo(ref[f], within(1e-4 * (1 + Math.abs(ref[f]))));
            }
            // recommendFor = top-N of the folded-in vector, the given items excluded
            RecommendationList l = rec.recommendFor(items, w, 300, null);
            assertThat(l.size()).isEqualTo(296);
            assertThat(l.items()).doesNotContain(3, 17, 99, 250);
            assertThat(l.score(0)).isEqualTo(
                    (double) io.github.recsys.rank.BlockedFactors.dot(got, model.itemFactors(), l.item(0) * 12, 12));
        }
        AlsRecommender rec = new AlsRecommender(randomModel(2, 10, 3, config(3, 0.1, 1, false), 1), null, 1);
        assertThat(rec.foldIn(new int[0], null)).containsOnly(0f);
        assertThatThrownBy(() -> rec.foldIn(new int[] {10}, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 10 out of range [0, 10)");
        assertThatThrownBy(() -> rec.foldIn(new int[] {1, 2}, new double[] {1, Double.NaN}))
                .hasMessageContaining("weight NaN");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5})
    void foldInOfATrainingUserMatchesAConvergedCholeskyModel(double nu) {
        InteractionMatrix train = randomMatrix(60, 80, 0.15, 9);
        AlsConfig cfg = AlsConfig.builder().factors(6).regularization(0.5).regularizationExponent(nu).alpha(2)
                .iterations(40).solver(AlsSolver.CHOLESKY).threads(1).seed(3).build();
        AlsModel model = new AlsTrainer(cfg).fit(train);
        AlsRecommender rec = new AlsRecommender(model, train, 1);
        int same = 0;
        for (int u = 0; u < train.rows(); u++) {
            float[] rv = train.rowValues(u);
            double[] w = new double[rv.length];
            for (int t = 0; t < w.length; t++) {
                w[t] = rv[t];
            }
            RecommendationList a = rec.recommend(u, 5, null);
            RecommendationList b = rec.recommendFor(train.rowItems(u), w, 5, null);
            if (Arrays.equals(a.items(), b.items())) {
                same++;
            }
        }
        assertThat(same).isGreaterThanOrEqualTo(57); // 95% of 60
    }

    @Test
    void explanationContributionsSumToTheExactScore() {
        InteractionMatrix train = randomMatrix(20, 150, 0.1, 5);
        AlsModel model = randomModel(20, 150, 10, config(10, 0.2, 4, true), 6);
        AlsRecommender rec = new AlsRecommender(model, train, 1);
        for (int u = 0; u < 20; u++) {
            float[] rv = train.rowValues(u);
            double[] w = new double[rv.length];
            for (int t = 0; t < w.length; t++) {
                w[t] = rv[t];
            }
            float[] xu = rec.foldIn(train.rowItems(u), w);
            for (int item : new int[] {0, 42, 149}) {
                Explanation e = rec.explain(u, item);
                double exact = 0;
                float[] yi = model.itemVector(item);
                for (int f = 0; f < 10; f++) {
                    exact += (double) xu[f] * yi[f];
                }
                double sum = Arrays.stream(e.contributions()).sum();
                assertThat(e.score()).isCloseTo(sum, within(1e-9));
                assertThat(e.score()).isCloseTo(exact, within(1e-5 * (1 + Math.abs(exact))));
                assertThat(e.modelScore()).isEqualTo(model.score(u, item));
                assertThat(e.items()).containsExactlyInAnyOrder(train.rowItems(u));
                double[] c = e.contributions();
                for (int r = 1; r < c.length; r++) {
                    assertThat(c[r]).isLessThanOrEqualTo(c[r - 1]);
                }
            }
        }
        Explanation folded = rec.explainFor(new int[] {3, 9}, null, 7);
        assertThat(folded.user()).isEqualTo(-1);
        assertThat(folded.score()).isCloseTo(folded.contribution(0) + folded.contribution(1), within(1e-12));
    }

    @Test
    void similarItemsAndUsersAreCosineRankings() {
        AlsModel model = randomModel(120, 400, 8, config(8, 0.1, 1, false), 8, 250);
        AlsRecommender rec = new AlsRecommender(model, null, 1);
        for (int item : new int[] {0, 1, 250, 399}) {
            RecommendationList l = rec.similarItems(item, 400);
            assertThat(l.size()).isEqualTo(399);
            assertThat(l.items()).doesNotContain(item);
            for (int r = 0; r < l.size(); r += 41) {
                assertThat(l.score(r)).isCloseTo(cosine(model.itemVector(item), model.itemVector(l.item(r))), within(1e-5));
            }
            assertThat(l.score(0)).isGreaterThanOrEqualTo(l.score(398));
        }
        assertThat(rec.similarItems(0, 1).item(0)).as("item 250 copies item 0").isEqualTo(250);
        assertThat(rec.similarItems(0, 3, ItemFilter.NONE.deny(250)).items()).doesNotContain(250, 0);
        for (int user : new int[] {0, 77, 119}) {
            RecommendationList l = rec.similarUsers(user, 200);
            assertThat(l.size()).isEqualTo(119);
            assertThat(l.items()).doesNotContain(user);
            int best = IntStream.range(0, 120).filter(v -> v != user).boxed()
                    .max(Comparator.comparingDouble(v -> cosine(model.userVector(user), model.userVector(v)))).orElseThrow();
            assertThat(l.item(0)).isEqualTo(best);
            assertThat(l.score(0)).isCloseTo(cosine(model.userVector(user), model.userVector(best)), within(1e-5));
        }
    }

    static double cosine(float[] a, float[] b) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < a.length; f++) {
            d += (double) a[f] * b[f];
            na += (double) a[f] * a[f];
            nb += (double) b[f] * b[f];
        }
        return na == 0 || nb == 0 ? 0 : d / Math.sqrt(na * nb);
    }

    @Test
    void rejectsBadArguments() {
        AlsModel model = randomModel(3, 5, 2, config(2, 0.1, 1, false), 1);
        AlsRecommender rec = new AlsRecommender(model, null, 1);
        assertThatThrownBy(() -> rec.recommend(3, 1, null)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("user index 3 out of range [0, 3)");
        assertThatThrownBy(() -> rec.recommend(0, -2, null)).hasMessageContaining("n must be >= 0, was -2");
        assertThatThrownBy(() -> new AlsRecommender(model, randomMatrix(4, 5, 0.5, 1), 1))
                .hasMessageContaining("train is 4 x 5 but the model has 3 users x 5 items");
        assertThatThrownBy(() -> new AlsRecommender(model, null, 0)).hasMessageContaining("threads must be > 0, was 0");
    }
}
