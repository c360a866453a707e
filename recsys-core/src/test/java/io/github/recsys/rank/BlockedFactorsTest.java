package io.github.recsys.rank;

import io.github.recsys.api.ItemFilter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockedFactorsTest {

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @Test
    void scoresEqualTheFmaChainForEveryKernelAndShape() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k : new int[] {1, 3, 16, 64}) {
            for (int rows : new int[] {0, 1, 15, 17, 200, 1000}) {
                float[] y = random(rnd, rows * k);
                float[] q = random(rnd, k);
                BlockedFactors fast = BlockedFactors.of(y, rows, k);
                BlockedFactors scalar = BlockedFactors.ofScalar(y, rows, k);
                float[] a = new float[rows];
                float[] b = new float[rows];
                fast.scoreAll(q, a);
                scalar.scoreAll(q, b);
                assertThat(a).as("kernel %s vs scalar, k=%d rows=%d", fast.kernelName(), k, rows).containsExactly(b);
                for (int i = 0; i < rows; i++) {
                    assertThat(a[i]).isEqualTo(BlockedFactors.dot(q, y, i * k, k));
                    assertThat(fast.score(q, i)).isEqualTo(a[i]);
                    double exact = 0;
                    for (int f = 0; f < k; f++) {
                        exact += (double) q[f] * y[i * k + f];
                    }
                    assertThat((double) a[i]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(exact))));
                }
            }
        }
    }

    @Test
    void selectTopKEqualsFullSortWithTiesAndFilters() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + rnd.nextInt(20);
            int rows = rnd.nextInt(600);
            float[] y = random(rnd, rows * k);
            // duplicate some rows to create exact ties
            for (int d = 0; d < rows / 4; d++) {
                int from = rnd.nextInt(rows);
                int to = rnd.nextInt(rows);
                System.arraycopy(y, from * k, y, to * k, k);
            }
            float[] q = random(rnd, k);
            for (BlockedFactors bf : new BlockedFactors[] {BlockedFactors.of(y, rows, k), BlockedFactors.ofScalar(y, rows, k)}) {
                float[] all = new float[rows];
                bf.scoreAll(q, all);
                int[] seen = IntStream.range(0, rows).filter(i -> i % 5 == 0).toArray();
                ItemFilter filter = ItemFilter.DEFAULT.deny(1, 2, 3).where(i -> i % 7 != 0);
                for (int n : new int[] {0, 1, 10, rows, rows + 5}) {
                    TopKSelector sel = new TopKSelector(n);
                    FilterCheck check = new FilterCheck().reset(filter, seen, 0, seen.length);
                    bf.selectTopK(q, null, sel, check, new float[bf.scratchLength()]);
                    int[] got = sel.drainToList("x").items();
                    int[] expected = IntStream.range(0, rows)
                            .filter(i -> Arrays.binarySearch(seen, i) < 0 && filter.permits(i)).boxed()
                            .sorted(Comparator.<Integer>comparingDouble(i -> -all[i]).thenComparingInt(i -> i))
                            .limit(n).mapToInt(Integer::intValue).toArray();
                    assertThat(got).as("trial %d n %d %s", trial, n, bf.kernelName()).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void batchSelectionEqualsSingleQuerySelection() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 30; trial++) {
            int k = 1 + rnd.nextInt(40);
            int rows = rnd.nextInt(3000);
            int nq = rnd.nextInt(BlockedFactors.MAX_BATCH + 1);
            float[] y = random(rnd, rows * k);
            float[] queries = random(rnd, nq * k);
            int n = rnd.nextInt(30);
            for (BlockedFactors bf : new BlockedFactors[] {BlockedFactors.of(y, rows, k), BlockedFactors.ofScalar(y, rows, k)}) {
                TopKSelector[] sels = new TopKSelector[nq];
                ItemCheck[] checks = new ItemCheck[nq];
                for (int j = 0; j < nq; j++) {
                    sels[j] = new TopKSelector(n);
                    int mod = 2 + j % 5;
                    checks[j] = j % 3 == 0 ? null : i -> i % mod != 0;
                }
                bf.selectTopKBatch(queries, nq, sels, checks, new float[bf.batchScratchLength(nq)]);
                for (int j = 0; j < nq; j++) {
                    TopKSelector one = new TopKSelector(n);
                    float[] q = Arrays.copyOfRange(queries, j * k, j * k + k);
                    bf.selectTopK(q, null, one, checks[j], new float[bf.scratchLength()]);
                    assertThat(sels[j].drainToList("b")).as("trial %d query %d %s", trial, j, bf.kernelName())
                            .isEqualTo(one.drainToList("b"));
                }
            }
        }
    }

    @Test
    void rowScaleMultipliesScores() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 300;
        int k = 8;
        float[] y = random(rnd, rows * k);
        float[] q = random(rnd, k);
        double[] scale = new double[rows];
        for (int i = 0; i < rows; i++) {
            scale[i] = rnd.nextDouble();
        }
        BlockedFactors bf = BlockedFactors.of(y, rows, k);
        TopKSelector sel = new TopKSelector(rows);
        bf.selectTopK(q, scale, sel, null, new float[bf.scratchLength()]);
        int[] items = new int[rows];
        double[] scores = new double[rows];
        sel.drainSorted(items, scores);
        for (int r = 0; r < rows; r++) {
            assertThat(scores[r]).isEqualTo(bf.score(q, items[r]) * scale[items[r]]);
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> BlockedFactors.of(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows * k = 2 * 3 = 6");
        assertThatThrownBy(() -> BlockedFactors.of(new float[5], 1, 0)).hasMessageContaining("k must be > 0, was 0");
        BlockedFactors bf = BlockedFactors.of(new float[6], 2, 3);
        assertThatThrownBy(() -> bf.scoreAll(new float[2], new float[2])).hasMessageContaining("need k = 3");
    }
}
