package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import static org.assertj.core.api.Assertions.assertThat;

/** The grower's two data paths (indexed rows, node-ordered copies) and thread counts give the same trees. */
class TreeGrowerTest {

    private static FeatureMatrix data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int p = 9; // more than 8 columns: codes span two longs when moved
        double[] v = new double[n * p];
        double[] y = new double[n];
        int[] card = new int[p];
        card[1] = 4;
        card[8] = 7;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                v[i * p + j] = card[j] > 0 ? r.nextInt(card[j]) : (r.nextDouble() < 0.05 ? Double.NaN : r.nextGaussian());
            }
            double logit = v[i * p] - 0.5 * v[i * p + 1] + (v[i * p + 8] == 3 ? 1 : 0) + 0.3 * r.nextGaussian();
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return FeatureMatrix.of(n, p, v, new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i"}, card, y, null);
    }

    private static TreeModel grow(BinnedFeatures bins, double[] stats, int[] rowsIn, int count, boolean ordered,
                                  ForkJoinPool pool, int maxDepth, int maxLeaves, int perNode, boolean gradient) {
        long saved = TreeGrower.orderedMinBytes;
        TreeGrower.orderedMinBytes = ordered ? 0 : Long.MAX_VALUE;
        try {
            SplitFinder f = gradient ? SplitFinder.forGradients(1.0, 0.5, 10, 0.3)
                    : SplitFinder.forCriterion(SplitCriterion.GINI, 2);
            TreeGrower g = new TreeGrower(bins, f, maxDepth, maxLeaves, 4, 0.0, perNode, pool);
            int[] rows = rowsIn.clone();
            int[] all = new int[bins.cols()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            Runnable run = () -> g.grow(rows, count, stats, all, all.length, new SplittableRandom(5));
            if (pool != null) {
                pool.invoke(ForkJoinTask.adapt(run));
            } else {
                run.run();
            }
            double[] score = new double[bins.rows()];
            g.addLeafValues(rows, score);
            // every grown row got its leaf's value, as a traversal of the tree says
            TreeModel t = g.toModel();
            for (int i = 0; i < count; i++) {
                assertThat(score[rows[i]]).isEqualTo(t.predictBinned(bins, rows[i]));
            }
            return t;
        } finally {
            TreeGrower.orderedMinBytes = saved;
        }
    }

    @Test
    void orderedAndIndexedPathsAndThreadCountsGiveIdenticalTrees() {
        int n = 40_000;
        FeatureMatrix x = data(n, 3);
        BinnedFeatures bins = BinnedFeatures.build(x, 63, null);
        SplittableRandom r = new SplittableRandom(8);
        double[] grad = new double[2 * n];
        double[] label = new double[2 * n];
        int[] identity = new int[n];
        int[] subset = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double pr = 0.2 + 0.6 * r.nextDouble();
            grad[2 * i] = pr - x.label(i);
            grad[2 * i + 1] = pr * (1 - pr);
            label[2 * i] = x.label(i);
            label[2 * i + 1] = 1;
            identity[i] = i;
            if (r.nextDouble() < 0.7) {
                subset[m++] = i;
            }
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            // {maxDepth, maxLeaves, featuresPerNode, gradient?}
            int[][] settings = {{6, 0, 0, 1}, {0, 31, 0, 1}, {0, 0, 3, 0}, {12, 0, 0, 0}};
            for (int[] st : settings) {
                for (int[] rows : new int[][] {identity, subset}) {
                    int count = rows == identity ? n : m;
                    double[] stats = st[3] == 1 ? grad : label;
                    TreeModel ref = grow(bins, stats, rows, count, false, null, st[0], st[1], st[2], st[3] == 1);
                    assertThat(ref.nodeCount()).isGreaterThan(20);
                    TreeModel ordered = grow(bins, stats, rows, count, true, null, st[0], st[1], st[2], st[3] == 1);
                    TreeModel parallel = grow(bins, stats, rows, count, true, pool, st[0], st[1], st[2], st[3] == 1);
                    TreeModel parallelIndexed = grow(bins, stats, rows, count, false, pool, st[0], st[1], st[2], st[3] == 1);
                    assertThat(ordered.sameAs(ref)).as("ordered, settings %s", java.util.Arrays.toString(st)).isTrue();
                    assertThat(parallel.sameAs(ref)).as("ordered + 2 threads").isTrue();
                    assertThat(parallelIndexed.sameAs(ref)).as("indexed + 2 threads").isTrue();
                    if (st[1] > 0) {
                        assertThat(ref.leafCount()).isEqualTo(st[1]);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
