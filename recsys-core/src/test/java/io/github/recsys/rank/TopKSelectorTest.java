package io.github.recsys.rank;

import io.github.recsys.api.RecommendationList;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopKSelectorTest {

    /** Reference: full sort of all pairs (score desc, item asc), cut at k. */
    private static int[] reference(int[] items, double[] scores, int k) {
        Integer[] idx = IntStream.range(0, items.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(t -> -scores[t]).thenComparingInt(t -> items[t]));
        return Arrays.stream(idx).limit(k).mapToInt(t -> items[t]).toArray();
    }

    @Test
    void equalsFullSortOnRandomCasesWithTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        TopKSelector sel = new TopKSelector(1); // reused and grown across cases
        for (int trial = 0; trial < 500; trial++) {
            int size = rnd.nextInt(0, 200);
            int distinct = 1 + rnd.nextInt(trial % 2 == 0 ? 5 : 1000); // few distinct values -> many ties
            int[] items = IntStream.range(0, size).map(i -> i * 3 + 1).toArray();
            // shuffle the offer order
            for (int i = size - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
            double[] scores = new double[size];
            for (int i = 0; i < size; i++) {
                scores[i] = rnd.nextInt(distinct) - distinct / 2.0;
            }
            for (int k : new int[] {0, 1, 5, size, size + 3}) {
                sel.reset(k);
                for (int i = 0; i < size; i++) {
                    if (scores[i] >= sel.threshold()) {
                        sel.offer(items[i], scores[i]);
                    }
                }
                RecommendationList l = sel.drainToList("t");
                assertThat(l.items()).as("trial %d k %d", trial, k).containsExactly(reference(items, scores, k));
                // contract order holds (RecommendationList.of validates)
                RecommendationList.of(l.items(), l.scores(), "t");
                assertThat(sel.size()).isZero();
            }
        }
    }

    @Test
    void thresholdAndEdgeCases() {
        TopKSelector sel = new TopKSelector(2);
        assertThat(sel.threshold()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(sel.offer(5, 1.0)).isTrue();
        assertThat(sel.offer(6, Double.NaN)).isFalse();
        assertThat(sel.offer(7, 3.0)).isTrue();
        assertThat(sel.threshold()).isEqualTo(1.0);
        assertThat(sel.offer(9, 1.0)).as("equal score, higher index loses").isFalse();
        assertThat(sel.offer(2, 1.0)).as("equal score, lower index wins").isTrue();
        int[] items = new int[2];
        double[] scores = new double[2];
        assertThat(sel.drainSorted(items, scores)).isEqualTo(2);
        assertThat(items).containsExactly(7, 2);
        assertThat(scores).containsExactly(3.0, 1.0);

        sel.reset(0);
        assertThat(sel.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sel.offer(1, 100.0)).isFalse();
        assertThatThrownBy(() -> sel.reset(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
