package io.github.recsys.api;

import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link Recommender} must pass (see its Javadoc). Subclasses build the recommender
 * under test from a training matrix.
 *
 * <p>Data: a checkerboard. Users of group A (two thirds of them) interacted with the even items,
 * users of group B with the odd items; user {@link #HOLD_A} misses even item {@link #HELD_A} and user
 * {@link #HOLD_B} misses odd item {@link #HELD_B}. A recommender that learns the structure ranks the
 * held-back item first for both; group A is the larger group, so even popularity ranks
 * {@link #HELD_A} first for {@link #HOLD_A}.
 */
public abstract class RecommenderContractTest {

    protected static final int USERS = 30;
    protected static final int ITEMS = 20;
    protected static final int HOLD_A = 1;
    protected static final int HELD_A = 4;
    protected static final int HOLD_B = 3;
    protected static final int HELD_B = 7;

    protected InteractionMatrix train;
    protected Recommender rec;

    /** Builds the recommender under test; called once per test with the checkerboard matrix. */
    protected abstract Recommender create(InteractionMatrix train);

    /** True when the recommender personalizes (then the minority group's held-back item must rank first too). */
    protected boolean personalized() {
        return true;
    }

    /** True when user u is in group B (interacts with odd items). */
    protected static boolean groupB(int u) {
        return u % 3 == 0;
    }

    /** The checkerboard training matrix (values 1). */
    protected static InteractionMatrix checkerboard() {
        int[] us = new int[USERS * ITEMS];
        int[] is = new int[USERS * ITEMS];
        float[] vs = new float[USERS * ITEMS];
        int n = 0;
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                boolean mine = groupB(u) ? i % 2 == 1 : i % 2 == 0;
                if (!mine || (u == HOLD_A && i == HELD_A) || (u == HOLD_B && i == HELD_B)) {
                    continue;
                }
                us[n] = u;
                is[n] = i;
                vs[n] = 1f;
                n++;
            }
        }
        return InteractionMatrix.fromTriples(USERS, ITEMS, us, is, vs, n);
    }

    @BeforeEach
    void setUpContract() {
        train = checkerboard();
        rec = create(train);
    }

    @Test
    void heldBackItemRanksFirst() {
        assertThat(rec.recommend(HOLD_A, 1, null).item(0)).isEqualTo(HELD_A);
        if (personalized()) {
            assertThat(rec.recommend(HOLD_B, 1, null).item(0)).isEqualTo(HELD_B);
        }
    }

    @Test
    void listsObeyTheOrderContractAndExcludeSeenByDefault() {
        for (int u = 0; u < USERS; u++) {
            RecommendationList l = rec.recommend(u, ITEMS, null);
            assertOrdered(l);
            for (int i : l.items()) {
                assertThat(train.contains(u, i)).as("user %d got seen item %d", u, i).isFalse();
            }
            assertThat(l.size()).isEqualTo(ITEMS - train.rowLength(u));
            assertThat(rec.recommend(u, 5, ItemFilter.DEFAULT)).isEqualTo(rec.recommend(u, 5, null));
        }
    }

    @Test
    void batchEqualsSingleCalls() {
        int[] users = new int[USERS * 2];
        for (int j = 0; j < users.length; j++) {
            users[j] = (j * 7) % USERS; // each user twice, shuffled
        }
        for (ItemFilter f : new ItemFilter[] {null, ItemFilter.NONE, ItemFilter.DEFAULT.deny(0, 2, 5)}) {
            RecommendationList[] batch = rec.recommendAll(users, 6, f);
            assertThat(batch).hasSize(users.length);
            for (int j = 0; j < users.length; j++) {
                assertThat(batch[j]).isEqualTo(rec.recommend(users[j], 6, f));
            }
        }
    }

    @Test
    void filtersKeepTheUnfilteredOrder() {
        IntPredicate notMultipleOf3 = i -> i % 3 != 0;
        ItemFilter[] filters = {
            ItemFilter.NONE,
            ItemFilter.DEFAULT.deny(HELD_A, HELD_B, 10),
            ItemFilter.DEFAULT.allowOnly(1, 4, 7, 9, 12, 13, 99, -1),
            ItemFilter.NONE.allowOnly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 3),
            ItemFilter.DEFAULT.where(notMultipleOf3),
            ItemFilter.NONE.deny(1).allowOnly(1, 2, 3, 4).where(notMultipleOf3),
            ItemFilter.DEFAULT.allowOnly(HELD_A),
        };
        for (int u = 0; u < USERS; u++) {
            RecommendationList all = rec.recommend(u, ITEMS, ItemFilter.NONE);
            assertThat(all.size()).isEqualTo(ITEMS);
            for (ItemFilter f : filters) {
                for (int n : new int[] {1, 3, ITEMS}) {
                    RecommendationList got = rec.recommend(u, n, f);
                    // Expected: the unfiltered ranking restricted to the candidates, cut at n.
                    int[] exp = new int[n];
                    double[] expScores = new double[n];
                    int w = 0;
                    for (int r = 0; r < all.size() && w < n; r++) {
                        int i = all.item(r);
                        if ((!f.excludesSeen() || !train.contains(u, i)) && f.permits(i)) {
                            exp[w] = i;
                            expScores[w] = all.score(r);
                            w++;
                        }
                    }
                    assertThat(got.items()).as("user %d, n %d, %s", u, n, f).containsExactly(Arrays.copyOf(exp, w));
                    assertThat(got.scores()).containsExactly(Arrays.copyOf(expScores, w));
                }
            }
        }
    }

    @Test
    void nBeyondTheCatalogueGivesWhatExists() {
        assertThat(rec.recommend(HOLD_A, ITEMS + 50, ItemFilter.NONE).size()).isEqualTo(ITEMS);
        assertThat(rec.recommend(HOLD_A, Integer.MAX_VALUE, null).size()).isEqualTo(ITEMS - train.rowLength(HOLD_A));
        assertThat(rec.recommend(HOLD_A, 0, null).size()).isZero();
        assertThat(rec.recommend(HOLD_A, 5, ItemFilter.NONE.allowOnly(3, 4)).items()).containsExactlyInAnyOrder(3, 4);
        assertThat(rec.recommend(HOLD_A, 5, ItemFilter.NONE.allowOnly()).size()).isZero();
        assertThatThrownBy(() -> rec.recommend(HOLD_A, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deterministic() {
        Recommender again = create(checkerboard());
        for (int u = 0; u < USERS; u++) {
            RecommendationList l = rec.recommend(u, 8, null);
            assertThat(rec.recommend(u, 8, null)).isEqualTo(l);
            assertThat(again.recommend(u, 8, null)).isEqualTo(l);
        }
    }

    protected static void assertOrdered(RecommendationList l) {
        assertThatCode(() -> RecommendationList.of(l.items(), l.scores(), l.source())).doesNotThrowAnyException();
    }
}
