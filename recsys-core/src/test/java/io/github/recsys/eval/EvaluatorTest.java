package io.github.recsys.eval;

import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    private static InteractionMatrix matrix(int rows, int cols, int[][] pairs) {
        int[] u = new int[pairs.length];
        int[] i = new int[pairs.length];
        float[] v = new float[pairs.length];
        for (int t = 0; t < pairs.length; t++) {
            u[t] = pairs[t][0];
            i[t] = pairs[t][1];
            v[t] = 1;
        }
        return InteractionMatrix.fromTriples(rows, cols, u, i, v, pairs.length);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void handComputedTinyCase() {
        // 4 users x 5 items; user 2 has no train item, user 3's only test item is also a train item
        InteractionMatrix train = matrix(4, 5, new int[][] {{0, 0}, {1, 1}, {1, 2}, {3, 0}});
        InteractionMatrix test = matrix(4, 5, new int[][] {{0, 2}, {0, 4}, {1, 0}, {2, 1}, {3, 0}});
        EvaluationResult r = Evaluator.builder().k(2).threads(1).perUser(true).build()
                .evaluate(ScoreTableRecommender.byIndex(train), train, test);
        // user 0: top-2 of [1,2,3,4] = [1,2], T = {2,4}; user 1: top-2 of [0,3,4] = [0,3], T = {0}
        assertThat(r.users()).containsExactly(0, 1);
        assertThat(r.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(r.recall()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(r.map()).isCloseTo((0.25 + 1.0) / 2, within(1e-12));
        double ndcg0 = (1 / log2(3)) / (1 + 1 / log2(3));
        assertThat(r.ndcg()).isCloseTo((ndcg0 + 1.0) / 2, within(1e-12));
        assertThat(r.hitRate()).isEqualTo(1.0);
        assertThat(r.coverage()).isCloseTo(4.0 / 5, within(1e-12)); // items 0,1,2,3
        // AUC: user 0 ranking [1,2,3,4], positives {2,4}: 1 win of 4; user 1 [0,3,4], positive 0: 2 of 2
        assertThat(r.auc()).isCloseTo((0.25 + 1.0) / 2, within(1e-12));
        // novelty: 3 train users; item users 0:2, 1:1, 2:1, 3:0 (counts as 1)
        double nov0 = -log2(1.0 / 3);
        double nov1 = (-log2(2.0 / 3) - log2(1.0 / 3)) / 2;
        assertThat(r.novelty()).isCloseTo((nov0 + nov1) / 2, within(1e-12));
        assertThat(r.diversity()).isNaN();
        assertThat(r.perUser(Metric.NDCG)).containsExactly(new double[] {ndcg0, 1.0}, within(1e-12));
    }

    @Test
    void diversityUsesItemFactors() {
        InteractionMatrix train = matrix(1, 4, new int[][] {{0, 3}});
        InteractionMatrix test = matrix(1, 4, new int[][] {{0, 0}});
        float[] factors = {1, 0, 0, 1, 1, 1, 5, 5};
        EvaluationResult r = Evaluator.builder().k(3).threads(1).build()
                .evaluate(ScoreTableRecommender.byIndex(train), train, test, factors, 2);
        double meanCos = (0 + 1 / Math.sqrt(2) + 1 / Math.sqrt(2)) / 3;
        assertThat(r.diversity()).isCloseTo(1 - meanCos, within(1e-9));
    }

    @Test
    void sameResultForAnyThreadCount() {
        SplittableRandom rnd = new SplittableRandom(3);
        int users = 300;
        int items = 60;
        int n = 4000;
        int[][] tr = new int[n][];
        int[][] te = new int[n / 4][];
        for (int t = 0; t < n; t++) {
            tr[t] = new int[] {rnd.nextInt(users), rnd.nextInt(items)};
        }
        for (int t = 0; t < te.length; t++) {
            te[t] = new int[] {rnd.nextInt(users), rnd.nextInt(items)};
        }
        InteractionMatrix train = matrix(users, items, tr);
        InteractionMatrix test = matrix(users, items, te);
        double[][] scores = new double[users][items];
        for (double[] row : scores) {
            for (int i = 0; i < items; i++) {
                row[i] = rnd.nextInt(10); // many ties
            }
        }
        ScoreTableRecommender rec = new ScoreTableRecommender(train, scores);
        EvaluationResult one = Evaluator.builder().threads(1).perUser(true).build().evaluate(rec, train, test);
        EvaluationResult four = Evaluator.builder().threads(4).perUser(true).build().evaluate(rec, train, test);
        assertThat(one.userCount()).isGreaterThan(Evaluator.CHUNK * 3);
        assertThat(four.means()).isEqualTo(one.means());
        for (Metric m : Metric.values()) {
            if (m != Metric.COVERAGE) {
                assertThat(four.perUser(m)).isEqualTo(one.perUser(m));
            }
        }
        assertThat(one.auc()).isBetween(0.3, 0.7); // random scores
    }

    @Test
    void scorerAucEqualsRankingAucWithoutTies() {
        SplittableRandom rnd = new SplittableRandom(8);
        int users = 70;
        int items = 40;
        int[][] tr = new int[900][];
        int[][] te = new int[250][];
        for (int t = 0; t < tr.length; t++) {
            tr[t] = new int[] {rnd.nextInt(users), rnd.nextInt(items)};
        }
        for (int t = 0; t < te.length; t++) {
            te[t] = new int[] {rnd.nextInt(users), rnd.nextInt(items)};
        }
        InteractionMatrix train = matrix(users, items, tr);
        InteractionMatrix test = matrix(users, items, te);
        double[][] scores = new double[users][items];
        for (double[] row : scores) {
            for (int i = 0; i < items; i++) {
                row[i] = rnd.nextDouble();
            }
        }
        ScoreTableRecommender plain = new ScoreTableRecommender(train, scores);
        ScoringTable scoring = new ScoringTable(plain, scores);
        Evaluator ev = Evaluator.builder().threads(2).perUser(true).build();
        EvaluationResult a = ev.evaluate(plain, train, test);
        EvaluationResult b = ev.evaluate(scoring, train, test);
        assertThat(b.perUser(Metric.AUC)).containsExactly(a.perUser(Metric.AUC), within(1e-12));
        assertThat(b.ndcg()).isEqualTo(a.ndcg());
    }

    /** The same table, also exposed as an ItemScorer. */
    private static final class ScoringTable implements io.github.recsys.api.Recommender, io.github.recsys.api.ItemScorer {
        private final ScoreTableRecommender rec;
        private final double[][] scores;

        ScoringTable(ScoreTableRecommender rec, double[][] scores) {
            this.rec = rec;
            this.scores = scores;
        }

        @Override
        public int itemCount() {
            return rec.itemCount();
        }

        @Override
        public io.github.recsys.api.RecommendationList recommend(int user, int n, io.github.recsys.api.ItemFilter filter) {
            return rec.recommend(user, n, filter);
        }

        @Override
        public void scoreAll(int user, double[] out) {
            System.arraycopy(scores[user], 0, out, 0, scores[user].length);
        }
    }

    @Test
    void rejectsMismatchedShapesAndMissingPerUser() {
        InteractionMatrix train = matrix(2, 3, new int[][] {{0, 0}});
        InteractionMatrix test = matrix(2, 4, new int[][] {{0, 1}});
        Evaluator ev = Evaluator.builder().build();
        assertThatThrownBy(() -> ev.evaluate(ScoreTableRecommender.byIndex(train), train, test))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 4");
        EvaluationResult r = ev.evaluate(ScoreTableRecommender.byIndex(train), train, matrix(2, 3, new int[][] {{0, 1}}));
        assertThatThrownBy(() -> r.perUser(Metric.NDCG)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Evaluator.builder().k(0)).hasMessageContaining("k must be >= 1, was 0");
    }
}
