package io.github.recsys.eval;

import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitsTest {

    /** A random log with duplicate (user, item) pairs and timestamps. */
    private static InteractionLog randomLog(long seed, int users, int items, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] ts = new long[n];
        for (int t = 0; t < n; t++) {
            u[t] = rnd.nextInt(users);
            i[t] = rnd.nextInt(items);
            v[t] = 1 + rnd.nextInt(3);
            ts[t] = rnd.nextInt(1000);
        }
        return InteractionLog.of(u, i, v, ts, n, IdIndex.identity(users), IdIndex.identity(items));
    }

    private static long key(InteractionLog log, int t) {
        return (long) log.user(t) * log.itemCount() + log.item(t);
    }

    private static Set<Long> pairs(InteractionLog log) {
        Set<Long> s = new HashSet<>();
        for (int t = 0; t < log.size(); t++) {
            s.add(key(log, t));
        }
        return s;
    }

    private static int[] distinctPerUser(InteractionLog log) {
        int[] c = new int[log.userCount()];
        for (long k : pairs(log)) {
            c[(int) (k / log.itemCount())]++;
        }
        return c;
    }

    private static void assertPartition(InteractionLog log, Split s) {
        assertThat(s.train().size() + s.test().size()).isEqualTo(log.size());
        // every entry (user, item, value, time) is on exactly one side: compare multisets of tuples
        java.util.Map<String, Integer> all = new java.util.HashMap<>();
        for (int t = 0; t < log.size(); t++) {
            all.merge(log.user(t) + "/" + log.item(t) + "/" + log.value(t) + "/" + log.timestamp(t), 1, Integer::sum);
        }
        for (InteractionLog side : new InteractionLog[] {s.train(), s.test()}) {
            for (int t = 0; t < side.size(); t++) {
                all.merge(side.user(t) + "/" + side.item(t) + "/" + side.value(t) + "/" + side.timestamp(t), -1, Integer::sum);
            }
        }
        assertThat(all.values()).allMatch(c -> c == 0);
    }

    @Test
    void perUserHoldoutIsDisjointCoveringAndFollowsTheRule() {
        InteractionLog log = randomLog(1, 50, 40, 2000);
        Split s = Splits.perUserHoldout(log, 0.2, 42);
        assertPartition(log, s);
        Set<Long> trainPairs = pairs(s.train());
        for (long k : pairs(s.test())) {
            assertThat(trainPairs).doesNotContain(k);
        }
        int[] all = distinctPerUser(log);
        int[] test = distinctPerUser(s.test());
        int[] train = distinctPerUser(s.train());
        for (int u = 0; u < log.userCount(); u++) {
            int h = (int) Math.min(Math.round(0.2 * all[u]), all[u] - 1L);
            assertThat(test[u]).as("user %d with %d items", u, all[u]).isEqualTo(Math.max(h, 0));
            if (all[u] > 0) {
                assertThat(train[u]).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void perUserHoldoutKeepsSmallUsersInTrain() {
        // user 0: 2 items -> round(0.4) = 0 held out; user 1: 3 items -> round(0.6) = 1 held out
        InteractionLog log = InteractionLog.of(2, 5, new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 2, 3, 4},
                new float[] {1, 1, 1, 1, 1}, null);
        Split s = Splits.perUserHoldout(log, 0.2, 7);
        assertThat(s.test().size()).isEqualTo(1);
        assertThat(s.test().user(0)).isEqualTo(1);
    }

    @Test
    void splitsAreDeterministicPerSeed() {
        InteractionLog log = randomLog(2, 30, 30, 800);
        Split a = Splits.perUserHoldout(log, 0.3, 5);
        Split b = Splits.perUserHoldout(log, 0.3, 5);
        Split c = Splits.perUserHoldout(log, 0.3, 6);
        assertThat(a.test().users()).isEqualTo(b.test().users());
        assertThat(a.test().items()).isEqualTo(b.test().items());
        assertThat(c.test().items()).isNotEqualTo(a.test().items());
        Split r1 = Splits.leaveKOut(log, 2, Splits.LeaveOut.RANDOM, 9);
        Split r2 = Splits.leaveKOut(log, 2, Splits.LeaveOut.RANDOM, 9);
        assertThat(r1.test().items()).isEqualTo(r2.test().items());
    }

    @Test
    void leaveKOutLatestHoldsOutTheNewestPairs() {
        InteractionLog log = randomLog(3, 20, 25, 600);
        Split s = Splits.leaveKOut(log, 2, Splits.LeaveOut.LATEST, 0);
        assertPartition(log, s);
        int[] all = distinctPerUser(log);
        int[] test = distinctPerUser(s.test());
        // a pair's time = its latest entry; every test pair of a user is at least as late as every train pair
        long[][] latest = new long[log.userCount()][log.itemCount()];
        for (long[] row : latest) {
            java.util.Arrays.fill(row, Long.MIN_VALUE);
        }
        for (int t = 0; t < log.size(); t++) {
            latest[log.user(t)][log.item(t)] = Math.max(latest[log.user(t)][log.item(t)], log.timestamp(t));
        }
        Set<Long> testPairs = pairs(s.test());
        for (int u = 0; u < log.userCount(); u++) {
            assertThat(test[u]).isEqualTo(all[u] > 2 ? 2 : 0);
            long minTest = Long.MAX_VALUE;
            long maxTrain = Long.MIN_VALUE;
            for (int i = 0; i < log.itemCount(); i++) {
                if (latest[u][i] == Long.MIN_VALUE) {
                    continue;
                }
                if (testPairs.contains((long) u * log.itemCount() + i)) {
                    minTest = Math.min(minTest, latest[u][i]);
                } else {
                    maxTrain = Math.max(maxTrain, latest[u][i]);
                }
            }
            if (test[u] > 0) {
                assertThat(minTest).isGreaterThanOrEqualTo(maxTrain);
            }
        }
    }

    @Test
    void temporalSplitRespectsCutoffAndDropsRepeats() {
        InteractionLog log = randomLog(4, 20, 15, 700);
        Split s = Splits.temporal(log, 700);
        for (int t = 0; t < s.train().size(); t++) {
            assertThat(s.train().timestamp(t)).isLessThan(700);
        }
        Set<Long> trainPairs = pairs(s.train());
        boolean[] trainUser = new boolean[log.userCount()];
        for (int t = 0; t < s.train().size(); t++) {
            trainUser[s.train().user(t)] = true;
        }
        for (int t = 0; t < s.test().size(); t++) {
            assertThat(s.test().timestamp(t)).isGreaterThanOrEqualTo(700);
            assertThat(trainPairs).doesNotContain(key(s.test(), t));
            assertThat(trainUser[s.test().user(t)]).isTrue();
        }
        int late = 0;
        for (int t = 0; t < log.size(); t++) {
            if (log.timestamp(t) < 700) {
                late++;
            }
        }
        assertThat(s.train().size()).isEqualTo(late);
        Split f = Splits.temporalFraction(log, 0.25);
        assertThat(f.train().size()).isBetween((int) (0.70 * log.size()), (int) (0.80 * log.size()));
    }

    @Test
    void rejectsBadArguments() {
        InteractionLog noTime = InteractionLog.of(1, 2, new int[] {0, 0}, new int[] {0, 1}, new float[] {1, 1}, null);
        assertThatThrownBy(() -> Splits.perUserHoldout(noTime, 1.0, 1)).hasMessageContaining("fraction must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> Splits.leaveKOut(noTime, 1, Splits.LeaveOut.LATEST, 1)).hasMessageContaining("timestamps");
        assertThatThrownBy(() -> Splits.temporal(noTime, 5)).hasMessageContaining("timestamps");
        assertThatThrownBy(() -> Splits.leaveKOut(noTime, 0, Splits.LeaveOut.RANDOM, 1)).hasMessageContaining("k must be >= 1, was 0");
    }
}
