package io.github.recsys.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    private static final double EPS = 1e-12;

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void handComputedAtK4() {
        int[] recs = {5, 3, 9, 1};
        int[] test = {1, 3, 7};
        assertThat(RankingMetrics.hits(recs, 4, 4, test)).isEqualTo(2);
        assertThat(RankingMetrics.precision(recs, 4, 4, test)).isCloseTo(0.5, within(EPS));
        assertThat(RankingMetrics.recall(recs, 4, 4, test)).isCloseTo(2.0 / 3, within(EPS));
        // hits at ranks 2 and 4: (1/2 + 2/4) / min(4, 3)
        assertThat(RankingMetrics.averagePrecision(recs, 4, 4, test)).isCloseTo(1.0 / 3, within(EPS));
        double dcg = 1 / log2(3) + 1 / log2(5);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(RankingMetrics.ndcg(recs, 4, 4, test)).isCloseTo(dcg / idcg, within(EPS));
        assertThat(RankingMetrics.hitRate(recs, 4, 4, test)).isEqualTo(1.0);
    }

    @Test
    void handComputedAtK2CutsTheList() {
        int[] recs = {5, 3, 9, 1};
        int[] test = {1, 3, 7};
        assertThat(RankingMetrics.precision(recs, 4, 2, test)).isCloseTo(0.5, within(EPS));
        assertThat(RankingMetrics.recall(recs, 4, 2, test)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(RankingMetrics.averagePrecision(recs, 4, 2, test)).isCloseTo(0.25, within(EPS));
        assertThat(RankingMetrics.ndcg(recs, 4, 2, test)).isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(EPS));
        assertThat(RankingMetrics.hitRate(new int[] {5, 9}, 2, 2, test)).isEqualTo(0.0);
    }

    @Test
    void shortListStillDividesPrecisionByK() {
        int[] recs = {3};
        int[] test = {3};
        assertThat(RankingMetrics.precision(recs, 1, 5, test)).isCloseTo(0.2, within(EPS));
        assertThat(RankingMetrics.recall(recs, 1, 5, test)).isEqualTo(1.0);
        assertThat(RankingMetrics.averagePrecision(recs, 1, 5, test)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(recs, 1, 5, test)).isCloseTo(1.0, within(EPS));
        // only `length` entries of the array are read
        assertThat(RankingMetrics.hits(new int[] {8, 3}, 1, 5, test)).isZero();
    }

    @Test
    void aucHandComputedFullAndTruncated() {
        // candidates a..f = 0..5 ranked in this order; positives 1 and 4
        int[] ranking = {0, 1, 2, 3, 4, 5};
        int[] test = {1, 4};
        assertThat(RankingMetrics.auc(ranking, 6, 6, test)).isCloseTo(4.0 / 8, within(EPS));
        // only 0, 1 listed: 1 beats the 3 unlisted negatives, 4 ties with them (3 * 1/2)
        assertThat(RankingMetrics.auc(ranking, 2, 6, test)).isCloseTo(4.5 / 8, within(EPS));
        assertThat(RankingMetrics.auc(new int[] {1, 4, 0}, 3, 3, test)).isEqualTo(1.0);
        assertThat(RankingMetrics.auc(new int[] {1}, 1, 1, new int[] {1})).isNaN();
    }

    @Test
    void aucMatchesPairwiseBruteForce() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int cand = 2 + rnd.nextInt(30);
            int[] perm = new int[cand];
            for (int i = 0; i < cand; i++) {
                perm[i] = i;
            }
            for (int i = cand - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int listed = rnd.nextInt(cand + 1);
            boolean[] pos = new boolean[cand];
            int np = 0;
            for (int i = 0; i < cand; i++) {
                if (rnd.nextInt(4) == 0) {
                    pos[i] = true;
                    np++;
                }
            }
            if (np == 0 || np == cand) {
                continue;
            }
            int[] test = new int[np];
            for (int i = 0, w = 0; i < cand; i++) {
                if (pos[i]) {
                    test[w++] = i;
                }
            }
            int[] rankOf = new int[cand];
            java.util.Arrays.fill(rankOf, Integer.MAX_VALUE);
            for (int r = 0; r < listed; r++) {
                rankOf[perm[r]] = r;
            }
            double wins = 0;
            for (int p = 0; p < cand; p++) {
                for (int q = 0; q < cand; q++) {
                    if (pos[p] && !pos[q]) {
                        wins += rankOf[p] < rankOf[q] ? 1 : rankOf[p] == rankOf[q] ? 0.5 : 0;
                    }
                }
            }
            double expected = wins / (np * (double) (cand - np));
            assertThat(RankingMetrics.auc(perm, listed, cand, test)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aucFromScoresMatchesPairwiseBruteForceWithTies() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 200; trial++) {
            int nn = rnd.nextInt(20);
            int np = 1 + rnd.nextInt(5);
            double[] neg = new double[nn];
            double[] pos = new double[np];
            for (int i = 0; i < nn; i++) {
                neg[i] = rnd.nextInt(6); // many ties
            }
            for (int i = 0; i < np; i++) {
                pos[i] = rnd.nextInt(6);
            }
            double wins = 0;
            for (double p : pos) {
                for (double q : neg) {
                    wins += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }
            double[] sorted = pos.clone();
            java.util.Arrays.sort(sorted);
            double got = RankingMetrics.aucFromScores(neg, nn, sorted, np);
            if (nn == 0) {
                assertThat(got).isNaN();
            } else {
                assertThat(got).isCloseTo(wins / (np * nn), within(1e-12));
            }
        }
    }

    @Test
    void diversityAndNoveltyHandComputed() {
        float[] factors = {1, 0, 0, 1, 1, 1}; // items 0,1,2 with rank 2
        double[] norms = {1, 1, Math.sqrt(2)};
        double meanCos = (0 + 1 / Math.sqrt(2) + 1 / Math.sqrt(2)) / 3;
        assertThat(RankingMetrics.intraListDiversity(new int[] {0, 1, 2}, 3, 10, factors, 2, norms))
                .isCloseTo(1 - meanCos, within(1e-9));
        assertThat(RankingMetrics.intraListDiversity(new int[] {0, 2}, 2, 1, factors, 2, norms)).isNaN();
        int[] itemUsers = {4, 1, 0};
        // -log2(4/4) = 0, -log2(1/4) = 2, unseen item counts as one user: 2
        assertThat(RankingMetrics.novelty(new int[] {0, 1, 2}, 3, 10, itemUsers, 4)).isCloseTo(4.0 / 3, within(EPS));
        assertThat(RankingMetrics.novelty(new int[0], 0, 10, itemUsers, 4)).isNaN();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> RankingMetrics.precision(new int[] {1}, 1, 0, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be >= 1, was 0");
        assertThatThrownBy(() -> RankingMetrics.recall(new int[] {1}, 1, 3, new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("testItems");
    }
}
