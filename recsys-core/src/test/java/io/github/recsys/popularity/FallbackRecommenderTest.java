package io.github.recsys.popularity;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FallbackRecommenderTest {

    static final int USERS = 50;
    static final int ITEMS = 40;

    /** User u has u % 8 interactions (0..7 items), so thin users exist for any small m. */
    static InteractionMatrix data() {
        SplittableRandom rnd = new SplittableRandom(12);
        int[] us = new int[USERS * 8];
        int[] is = new int[USERS * 8];
        float[] vs = new float[USERS * 8];
        int n = 0;
        for (int u = 0; u < USERS; u++) {
            int[] items = rnd.ints(0, ITEMS).distinct().limit(u % 8).toArray();
            for (int i : items) {
                us[n] = u;
                is[n] = i;
                vs[n] = 1 + rnd.nextInt(3);
                n++;
            }
        }
        String[] ids = IntStream.range(0, USERS).mapToObj(u -> "user-" + u).toArray(String[]::new);
        return InteractionMatrix.fromTriples(USERS, ITEMS, us, is, vs, n, IdIndex.ofStrings(ids), null);
    }

    static AlsRecommender als(InteractionMatrix train) {
        AlsConfig cfg = AlsConfig.builder().factors(5).regularization(0.1).alpha(3).iterations(5).threads(1).seed(2).build();
        return new AlsRecommender(new AlsTrainer(cfg).fit(train), train, 2);
    }

    @Test
    void coldAndThinUsersGetFullPopularityLists() {
        InteractionMatrix train = data();
        PopularityModel pop = PopularityModel.count(train);
        FallbackRecommender rec = FallbackRecommender.builder(als(train), pop, train).minInteractions(4).build();
        for (int u = -3; u < USERS + 3; u++) {
            RecommendationList l = rec.recommend(u, 10, null);
            boolean known = u >= 0 && u < USERS;
            boolean thin = !known || train.rowLength(u) < 4;
            assertThat(l.source()).as("user %d", u).isEqualTo(thin ? "popularity" : "als");
            assertThat(l.size()).as("user %d gets a full list", u).isEqualTo(10);
            assertThat(rec.isPersonalized(u)).isEqualTo(!thin);
            if (thin) {
                assertThat(l).isEqualTo(pop.recommend(u, 10, null));
            }
        }
        // by external id: known ids map through the training IdIndex, unknown ids are cold
        assertThat(rec.recommend("user-7", 5, null)).isEqualTo(rec.recommend(7, 5, null));
        RecommendationList cold = rec.recommend("never-seen", 5, null);
        assertThat(cold.source()).isEqualTo("popularity");
        assertThat(cold.items()).containsExactly(Arrays.copyOf(pop.ranking(), 5));
        // the list is only short when the filter exhausts the catalogue
        assertThat(rec.recommend(-1, ITEMS + 10, null).size()).isEqualTo(ITEMS);
        assertThat(rec.recommend(-1, 10, ItemFilter.NONE.allowOnly(1, 2)).size()).isEqualTo(2);
    }

    @Test
    void recommendAllMixesSourcesLikeSingleCalls() {
        InteractionMatrix train = data();
        FallbackRecommender rec = FallbackRecommender.builder(als(train), PopularityModel.count(train), train)
                .minInteractions(3).build();
        int[] users = IntStream.range(-5, USERS + 5).toArray();
        RecommendationList[] all = rec.recommendAll(users, 7, null);
        for (int j = 0; j < users.length; j++) {
            assertThat(all[j]).isEqualTo(rec.recommend(users[j], 7, null));
        }
    }

    @Test
    void blendIsTheWeightedSumOfNormalizedScores() {
        InteractionMatrix train = data();
        AlsRecommender als = als(train);
        PopularityModel pop = PopularityModel.distinctUsers(train);
        double w = 0.6;
        Recommender rec = FallbackRecommender.builder(als, pop, train).minInteractions(2).blendWeight(w).build();
        int user = 7; // 7 interactions
        double[] p = new double[ITEMS];
        double[] q = pop.scores();
        als.scoreAll(user, p);
        boolean[] unseen = new boolean[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            unseen[i] = !train.contains(user, i);
        }
        double[] pn = minMax(p, unseen);
        double[] qn = minMax(q, unseen);
        int[] expected = IntStream.range(0, ITEMS).filter(i -> unseen[i]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -(w * pn[i] + (1 - w) * qn[i])).thenComparingInt(i -> i))
                .limit(10).mapToInt(Integer::intValue).toArray();
        RecommendationList l = rec.recommend(user, 10, null);
        assertThat(l.source()).isEqualTo("blend");
        assertThat(l.items()).containsExactly(expected);
        assertThat(rec.recommend(1, 10, null).source()).isEqualTo("popularity");
    }

    static double[] minMax(double[] s, boolean[] mask) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            if (mask[i]) {
                min = Math.min(min, s[i]);
                max = Math.max(max, s[i]);
            }
        }
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (s[i] - min) / (max - min);
        }
        return out;
    }

    @Test
    void validatesConfiguration() {
        InteractionMatrix train = data();
        PopularityModel pop = PopularityModel.count(train);
        AlsRecommender als = als(train);
        assertThatThrownBy(() -> FallbackRecommender.builder(als, pop, train).blendWeight(1.5).build())
                .hasMessageContaining("blendWeight must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> FallbackRecommender.builder(als, pop, train).minInteractions(-1).build())
                .hasMessageContaining("minInteractions must be >= 0, was -1");
        Recommender plain = new Recommender() { // not an ItemScorer
            @Override public int itemCount() { return ITEMS; }
            @Override public RecommendationList recommend(int user, int n, ItemFilter filter) { return RecommendationList.empty(); }
        };
        assertThatThrownBy(() -> FallbackRecommender.builder(plain, pop, train).blendWeight(0.5).build())
                .hasMessageContaining("needs a primary that implements ItemScorer");
    }
}
