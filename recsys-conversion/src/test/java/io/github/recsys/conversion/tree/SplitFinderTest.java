package io.github.recsys.conversion.tree;

import io.github.recsys.conversion.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The histogram and row-sorting split searches against brute force over every possible split. */
class SplitFinderTest {

    private static final int GRADIENT = 0;
    private static final int GINI = 1;
    private static final int ENTROPY = 2;

    /** Small random data: column 0 numeric with missing, column 1 categorical (5 codes) with missing. */
    private static FeatureMatrix data(SplittableRandom r, int n) {
        double[] v = new double[n * 2];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = r.nextDouble() < 0.15 ? Double.NaN : r.nextInt(12) + 0.5 * r.nextInt(2);
            v[2 * i + 1] = r.nextDouble() < 0.15 ? Double.NaN : r.nextInt(5);
            y[i] = r.nextDouble() < 0.3 + 0.05 * (Double.isNaN(v[2 * i + 1]) ? 2 : v[2 * i + 1]) ? 1 : 0;
            w[i] = 0.5 + r.nextInt(3);
        }
        return FeatureMatrix.of(n, 2, v, new String[] {"num", "cat"}, new int[] {0, 5}, y, w);
    }

    private static double[] stats(FeatureMatrix x, int mode, SplittableRandom r) {
        int n = x.rows();
        double[] s = new double[2 * n];
        for (int i = 0; i < n; i++) {
            if (mode == GRADIENT) {
                double pr = 0.2 + 0.6 * r.nextDouble();
                s[2 * i] = (pr - x.label(i)) * x.weight(i);
                s[2 * i + 1] = pr * (1 - pr) * x.weight(i);
            } else {
                s[2 * i] = x.weight(i) * x.label(i);
                s[2 * i + 1] = x.weight(i);
            }
        }
        return s;
    }

    /** Independent gain formulas. */
    private static double gain(int mode, double lambda, double rootW, double aL, double bL, double aR, double bR) {
        if (mode == GRADIENT) {
            double a = aL + aR;
            double b = bL + bR;
            return 0.5 * (aL * aL / (bL + lambda) + aR * aR / (bR + lambda) - a * a / (b + lambda));
        }
        return (impurity(mode, aL + aR, bL + bR) - impurity(mode, aL, bL) - impurity(mode, aR, bR)) / rootW;
    }

    private static double impurity(int mode, double a, double b) {
        double q = a / b;
        if (mode == GINI) {
            return b * (1 - q * q - (1 - q) * (1 - q));
        }
        double h = 0;
        if (q > 0) {
            h -= q * Math.log(q) / Math.log(2);
        }
        if (q < 1) {
            h -= (1 - q) * Math.log(1 - q) / Math.log(2);
        }
        return b * h;
    }

    /** Best gain over all thresholds (numeric) or all category subsets (categorical), missing both ways. */
    private static double bruteForce(BinnedFeatures bx, double[] s, int[] rows, int from, int to, int col, int mode,
                                     double lambda, double minChild, double rootW) {
        int v = bx.valueBins(col);
        double best = 0;
        int options = bx.isCategorical(col) ? 1 << v : v;
        for (int o = 0; o < options; o++) {
            for (int dl = 0; dl < 2; dl++) {
                double aL = 0, bL = 0, aR = 0, bR = 0;
                for (int i = from; i < to; i++) {
                    int r = rows[i];
                    int c = bx.code(r, col);
                    boolean left = c == v ? dl == 1
                            : bx.isCategorical(col) ? (o >>> c & 1) != 0 : c <= o;
                    if (left) {
                        aL += s[2 * r];
                        bL += s[2 * r + 1];
                    } else {
                        aR += s[2 * r];
                        bR += s[2 * r + 1];
                    }
                }
                if (bL >= minChild && bR >= minChild && bL > 0 && bR > 0) {
                    best = Math.max(best, gain(mode, lambda, rootW, aL, bL, aR, bR));
                }
            }
        }
        return best;
    }

    private static SplitFinder finder(int mode, double lambda, double minChild) {
        return switch (mode) {
            case GRADIENT -> SplitFinder.forGradients(lambda, minChild, 0.0, 1.0);
            case GINI -> SplitFinder.forCriterion(SplitCriterion.GINI, minChild);
            default -> SplitFinder.forCriterion(SplitCriterion.ENTROPY, minChild);
        };
    }

    @Test
    void histogramAndRowSearchesEqualBruteForce() {
        SplittableRandom r = new SplittableRandom(11);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 20 + r.nextInt(80);
            FeatureMatrix x = data(r, n);
            BinnedFeatures bx = BinnedFeatures.build(x, 2 + r.nextInt(14), null);
            int mode = trial % 3;
            // lambda = 0 for boosting: then sorted-category search is exact (Fisher 1958)
            double lambda = 0.0;
            double[] s = stats(x, mode, r);
            int[] rows = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() < 0.8) {
                    rows[m++] = i;
                }
            }
            double rootW = 0;
            for (int i = 0; i < m; i++) {
                rootW += s[2 * rows[i] + 1];
            }
            int[] all = {0, 1};
            double[] hist = new double[2 * bx.totalBins()];
            HistogramBuilder.accumulate(bx.codes(), 2, bx.offsetsArray(), rows, 0, m, s, all, 0, 2, hist);
            for (double minChild : new double[] {0.0, 3.0}) {
                for (int col = 0; col < 2; col++) {
                    double expected = bruteForce(bx, s, rows, 0, m, col, mode, lambda, minChild, rootW);
                    for (int path = 0; path < 2; path++) {
                        SplitFinder f = finder(mode, lambda, minChild);
                        f.setRootWeight(rootW);
                        SplitCandidate c = new SplitCandidate();
                        c.reset(0.0);
                        if (path == 0) {
                            f.evaluateHistogram(col, bx.isCategorical(col), bx.valueBins(col), hist, bx.offset(col), c);
                        } else {
                            f.evaluateRows(col, bx.isCategorical(col), bx.valueBins(col), bx.codes(), 2, col, rows, 0, m, s, c);
                        }
                        // with a minimum child weight, the sorted-category search is a heuristic: never better
                        // than exhaustive search, and exact without the constraint
                        if (bx.isCategorical(col) && minChild > 0) {
                            assertThat(c.isValid() ? c.gain : 0.0).isLessThanOrEqualTo(expected + 1e-9);
                            continue;
                        }
                        if (expected <= 1e-12) {
                            assertThat(c.isValid() ? c.gain : 0.0).isCloseTo(expected, within(1e-9));
                            continue;
                        }
                        assertThat(c.isValid()).as("trial %d col %d path %d mode %d minChild %s expected %s cat %s bins %d", trial, col, path, mode, minChild, expected, bx.isCategorical(col), bx.valueBins(col)).isTrue();
                        assertThat(c.gain).as("trial %d col %d path %d mode %d", trial, col, path, mode)
                                .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
                        // the reported split, applied to the rows, reproduces its sums and gain
                        double aL = 0, bL = 0, aR = 0, bR = 0;
                        for (int i = 0; i < m; i++) {
                            int row = rows[i];
                            if (c.goesLeft(bx.code(row, col), bx.valueBins(col))) {
                                aL += s[2 * row];
                                bL += s[2 * row + 1];
                            } else {
                                aR += s[2 * row];
                                bR += s[2 * row + 1];
                            }
                        }
                        assertThat(bL).isCloseTo(c.leftB, within(1e-9));
                        assertThat(bR).isCloseTo(c.rightB, within(1e-9));
                        assertThat(gain(mode, lambda, rootW, aL, bL, aR, bR)).isCloseTo(c.gain, within(1e-9));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void numericSearchWithLambdaEqualsBruteForce() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 30 + r.nextInt(50);
            FeatureMatrix x = data(r, n);
            BinnedFeatures bx = BinnedFeatures.build(x, 255, null);
            double[] s = stats(x, GRADIENT, r);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            double lambda = 0.5 + r.nextDouble() * 3;
            double expected = bruteForce(bx, s, rows, 0, n, 0, GRADIENT, lambda, 0.5, 1);
            SplitFinder f = SplitFinder.forGradients(lambda, 0.5, 10, 1.0);
            SplitCandidate c = new SplitCandidate();
            c.reset(0.0);
            f.evaluateRows(0, false, bx.valueBins(0), bx.codes(), 2, 0, rows, 0, n, s, c);
            assertThat(c.isValid() ? c.gain : 0).isCloseTo(expected, within(1e-9));
        }
    }
}
