package io.github.recsys.popularity;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PopularityModelTest {

    /** 3 users x 4 items: u0 {0:5, 1:1}, u1 {1:1, 2:1}, u2 {1:2}. */
    static InteractionMatrix small() {
        return InteractionMatrix.fromTriples(3, 4, new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 2, 1},
                new float[] {5, 1, 1, 1, 2}, 5, IdIndex.ofStrings("ann", "bob", "cy"), IdIndex.ofStrings("a", "b", "c", "d"));
    }

    @Test
    void countAndDistinctUsersMatchHandComputedScores() {
        PopularityModel count = PopularityModel.count(small());
        assertThat(count.scores()).containsExactly(5, 4, 1, 0);
        assertThat(count.ranking()).containsExactly(0, 1, 2, 3);
        PopularityModel distinct = PopularityModel.distinctUsers(small());
        assertThat(distinct.scores()).containsExactly(1, 3, 1, 0);
        assertThat(distinct.ranking()).containsExactly(1, 0, 2, 3); // tie 0/2 to the lower index
        assertThat(distinct.kind()).isEqualTo(PopularityModel.Kind.DISTINCT_USERS);
    }

    @Test
    void timeDecayHalvesPerHalfLife() {
        int[] items = {0, 0, 1, 2};
        long[] ts = {100, 90, 80, 200};          // item 2 is in the future: counts fully
        float[] w = {1, 2, 4, 1};
        PopularityModel m = PopularityModel.timeDecayed(3, items, ts, w, 100, 10.0, null);
        assertThat(m.score(0)).isCloseTo(1 + 2 * 0.5, within(1e-12));
        assertThat(m.score(1)).isCloseTo(4 * 0.25, within(1e-12));
        assertThat(m.score(2)).isCloseTo(1.0, within(1e-12));
        assertThat(m.ranking()).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> PopularityModel.timeDecayed(3, items, ts, w, 100, 0, null))
                .hasMessageContaining("halfLife must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> PopularityModel.timeDecayed(2, items, ts, w, 100, 1, null))
                .hasMessageContaining("entry 3: item 2 out of range [0, 2)");
    }

    @Test
    void unknownUsersGetTheFullRankingKnownUsersLoseTheirSeenItems() {
        PopularityModel m = PopularityModel.count(small());
        for (int unknown : new int[] {-1, 3, 1000}) {
            RecommendationList l = m.recommend(unknown, 10, null);
            assertThat(l.items()).containsExactly(0, 1, 2, 3);
            assertThat(l.scores()).containsExactly(5, 4, 1, 0);
            assertThat(l.source()).isEqualTo("popularity");
        }
        assertThat(m.recommend(0, 10, null).items()).containsExactly(2, 3);
        assertThat(m.recommend(0, 10, ItemFilter.NONE).items()).containsExactly(0, 1, 2, 3);
        assertThat(m.recommend(1, 1, null).items()).containsExactly(0);
        assertThat(m.recommend(-1, 2, ItemFilter.DEFAULT.deny(0)).items()).containsExactly(1, 2);
    }
}
