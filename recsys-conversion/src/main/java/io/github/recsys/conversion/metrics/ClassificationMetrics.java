package io.github.recsys.conversion.metrics;

/**
 * Binary-classification metrics over primitive arrays. Labels are 0/1 doubles, scores any finite
 * doubles (probabilities where stated), weights optional ({@code null} = unit weights). A row is
 * predicted positive when {@code score >= threshold}. Stateless and thread-safe.
 *
 * <p>Sorting-based metrics (AUC, curves, average precision, threshold search) cost O(n log n);
 * the rest are one O(n) pass.
 */
public final class ClassificationMetrics {

    /**
     * Probabilities are clipped to {@code [LOG_LOSS_EPS, 1 - LOG_LOSS_EPS]} in {@link #logLoss}, so a
     * confident wrong prediction costs at most {@code -ln(1e-15) ≈ 34.5} instead of infinity
     * (scikit-learn's former default).
     */
    public static final double LOG_LOSS_EPS = 1e-15;

    private ClassificationMetrics() {
    }

    // ------------------------------------------------------------------ validation

    static void checkInputs(double[] labels, double[] scores, double[] weights) {
        if (labels == null || scores == null) {
            throw new IllegalArgumentException("labels and scores must not be null");
        }
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but scores has "
                    + scores.length);
        }
        if (weights != null && weights.length != labels.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, expected "
                    + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0.0 && labels[i] != 1.0) {
                throw new IllegalArgumentException("label " + i + " must be 0 or 1, was " + labels[i]);
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " must be finite, was " + scores[i]);
            }
            if (weights != null && (!(weights[i] >= 0) || Double.isInfinite(weights[i]))) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, was " + weights[i]);
            }
        }
    }

    private static double w(double[] weights, int i) {
        return weights == null ? 1.0 : weights[i];
    }

    // ------------------------------------------------------------------ confusion matrix

    /** Confusion matrix at {@code threshold} with unit weights. */
    public static ConfusionMatrix confusion(double[] labels, double[] scores, double threshold) {
        return confusion(labels, scores, null, threshold);
    }

    /** Confusion matrix at {@code threshold}; cells are summed weights. */
    public static ConfusionMatrix confusion(double[] labels, double[] scores, double[] weights, double threshold) {
        checkInputs(labels, scores, weights);
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < labels.length; i++) {
            double wi = w(weights, i);
            boolean pred = scores[i] >= threshold;
            if (labels[i] == 1.0) {
                if (pred) {
                    tp += wi;
                } else {
                    fn += wi;
                }
            } else if (pred) {
                fp += wi;
            } else {
                tn += wi;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    // ------------------------------------------------------------------ ROC / AUC

    /** ROC AUC with unit weights; see {@link #rocAuc(double[], double[], double[])}. */
    public static double rocAuc(double[] labels, double[] scores) {
        return rocAuc(labels, scores, null);
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random
     * negative, counting tied pairs as 1/2 (the Mann-Whitney statistic; equals the trapezoidal area
     * of the ROC curve). Weighted pairs count {@code w_pos * w_neg}.
     *
     * @throws IllegalArgumentException when there are no positives or no negatives (AUC undefined)
     */
    public static double rocAuc(double[] labels, double[] scores, double[] weights) {
        checkInputs(labels, scores, weights);
        int[] order = IndexSort.descending(scores);
        int n = order.length;
        double negAbove = 0; // weight of negatives with a strictly higher score
        double pairs = 0;
        double totalPos = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            double gp = 0;
            double gn = 0;
            int j = i;
            while (j < n && scores[order[j]] == s) {
                int r = order[j];
                if (labels[r] == 1.0) {
                    gp += w(weights, r);
                } else {
                    gn += w(weights, r);
                }
                j++;
            }
            // positives in this group beat every negative below; count those later via totals:
            // here count pairs where the negative is above (losses) plus ties.
            pairs += gp * (negAbove + 0.5 * gn);
            negAbove += gn;
            totalPos += gp;
            i = j;
        }
        double totalNeg = negAbove;
        if (totalPos == 0 || totalNeg == 0) {
            throw new IllegalArgumentException("ROC AUC is undefined with " + (totalPos == 0 ? "no positive" : "no negative")
                    + " rows (positive weight " + totalPos + ", negative weight " + totalNeg + ")");
        }
        // pairs = losses + ties/2; AUC = 1 - that fraction
        return 1.0 - pairs / (totalPos * totalNeg);
    }

    /** ROC curve (x = false-positive rate, y = true-positive rate), unit weights. */
    public static Curve rocCurve(double[] labels, double[] scores) {
        return rocCurve(labels, scores, null);
    }

    /**
     * ROC curve with one point per distinct score plus the origin at threshold +Infinity; its
     * trapezoidal area equals {@link #rocAuc}.
     */
    public static Curve rocCurve(double[] labels, double[] scores, double[] weights) {
        checkInputs(labels, scores, weights);
        double[][] c = cumulative(labels, scores, weights);
        double[] tp = c[0];
        double[] fp = c[1];
        double[] th = c[2];
        int m = th.length;
        double totalPos = tp[m - 1];
        double totalNeg = fp[m - 1];
        if (totalPos == 0 || totalNeg == 0) {
            throw new IllegalArgumentException("ROC curve is undefined without both classes (positive weight "
                    + totalPos + ", negative weight " + totalNeg + ")");
        }
        double[] x = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = fp[k] / totalNeg;
            y[k] = tp[k] / totalPos;
        }
        return new Curve(x, y, th);
    }

    /**
     * Cumulative (TP, FP, threshold) arrays with a leading (0, 0, +Infinity) point and one point per
     * distinct score, in decreasing score order.
     */
    private static double[][] cumulative(double[] labels, double[] scores, double[] weights) {
        int[] order = IndexSort.descending(scores);
        int n = order.length;
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || scores[order[k]] != scores[order[k - 1]]) {
                distinct++;
            }
        }
        double[] tp = new double[distinct + 1];
        double[] fp = new double[distinct + 1];
        double[] th = new double[distinct + 1];
        th[0] = Double.POSITIVE_INFINITY;
        int m = 0;
        double ctp = 0;
        double cfp = 0;
        for (int k = 0; k < n; k++) {
            int r = order[k];
            if (labels[r] == 1.0) {
                ctp += w(weights, r);
            } else {
                cfp += w(weights, r);
            }
            if (k == n - 1 || scores[order[k + 1]] != scores[r]) {
                m++;
                tp[m] = ctp;
                fp[m] = cfp;
                th[m] = scores[r];
            }
        }
        return new double[][] {tp, fp, th};
    }

    // ------------------------------------------------------------------ PR / average precision

    /** Precision-recall curve (x = recall, y = precision), unit weights. */
    public static Curve prCurve(double[] labels, double[] scores) {
        return prCurve(labels, scores, null);
    }

    /**
     * Precision-recall curve with one point per distinct score, thresholds decreasing (recall
     * non-decreasing). No artificial (0, 1) point is added.
     *
     * @throws IllegalArgumentException when there are no positives
     */
    public static Curve prCurve(double[] labels, double[] scores, double[] weights) {
        checkInputs(labels, scores, weights);
        double[][] c = cumulative(labels, scores, weights);
        int m = c[2].length - 1;
        double totalPos = c[0][m];
        if (totalPos == 0) {
            throw new IllegalArgumentException("precision-recall curve is undefined without positive rows");
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double[] th = new double[m];
        for (int k = 0; k < m; k++) {
            double tp = c[0][k + 1];
            double fp = c[1][k + 1];
            x[k] = tp / totalPos;
            y[k] = tp + fp == 0 ? 0 : tp / (tp + fp);
            th[k] = c[2][k + 1];
        }
        return new Curve(x, y, th);
    }

    /** Average precision with unit weights; see {@link #averagePrecision(double[], double[], double[])}. */
    public static double averagePrecision(double[] labels, double[] scores) {
        return averagePrecision(labels, scores, null);
    }

    /**
     * Average precision: {@code sum_k (R_k - R_{k-1}) * P_k} over the distinct thresholds in
     * decreasing order (a step-wise area, no interpolation; scikit-learn's definition).
     *
     * @throws IllegalArgumentException when there are no positives
     */
    public static double averagePrecision(double[] labels, double[] scores, double[] weights) {
        Curve pr = prCurve(labels, scores, weights);
        double[] r = pr.x();
        double[] p = pr.y();
        double ap = 0;
        double prev = 0;
        for (int k = 0; k < r.length; k++) {
            ap += (r[k] - prev) * p[k];
            prev = r[k];
        }
        return ap;
    }

    // ------------------------------------------------------------------ probabilistic scores

    /** Mean log loss with unit weights; see {@link #logLoss(double[], double[], double[])}. */
    public static double logLoss(double[] labels, double[] probabilities) {
        return logLoss(labels, probabilities, null);
    }

    /**
     * Weighted mean negative log-likelihood {@code -sum w_i [y_i ln p_i + (1-y_i) ln(1-p_i)] / sum w_i},
     * natural log, with p clipped to {@code [LOG_LOSS_EPS, 1 - LOG_LOSS_EPS]}.
     *
     * @throws IllegalArgumentException when a probability is outside [0, 1], or the data is empty or weighs 0
     */
    public static double logLoss(double[] labels, double[] probabilities, double[] weights) {
        checkProbabilities(labels, probabilities, weights);
        double s = 0;
        double tw = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            double wi = w(weights, i);
            s -= wi * (labels[i] == 1.0 ? Math.log(p) : Math.log1p(-p));
            tw += wi;
        }
        return s / tw;
    }

    /** Mean Brier score with unit weights. */
    public static double brier(double[] labels, double[] probabilities) {
        return brier(labels, probabilities, null);
    }

    /** Weighted mean squared error {@code sum w_i (p_i - y_i)^2 / sum w_i}. */
    public static double brier(double[] labels, double[] probabilities, double[] weights) {
        checkProbabilities(labels, probabilities, weights);
        double s = 0;
        double tw = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = probabilities[i] - labels[i];
            double wi = w(weights, i);
            s += wi * d * d;
            tw += wi;
        }
        return s / tw;
    }

    /** Calibration table with {@code bins} equal-width bins, unit weights. */
    public static CalibrationTable calibration(double[] labels, double[] probabilities, int bins) {
        return calibration(labels, probabilities, null, bins);
    }

    /** Calibration table with {@code bins} &gt;= 1 equal-width bins over [0, 1]. */
    public static CalibrationTable calibration(double[] labels, double[] probabilities, double[] weights, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        checkProbabilities(labels, probabilities, weights);
        double[] wt = new double[bins];
        double[] sp = new double[bins];
        double[] sy = new double[bins];
        for (int i = 0; i < labels.length; i++) {
            int b = Math.min((int) (probabilities[i] * bins), bins - 1);
            double wi = w(weights, i);
            wt[b] += wi;
            sp[b] += wi * probabilities[i];
            sy[b] += wi * labels[i];
        }
        for (int b = 0; b < bins; b++) {
            sp[b] = wt[b] > 0 ? sp[b] / wt[b] : Double.NaN;
            sy[b] = wt[b] > 0 ? sy[b] / wt[b] : Double.NaN;
        }
        return new CalibrationTable(wt, sp, sy);
    }

    private static void checkProbabilities(double[] labels, double[] probabilities, double[] weights) {
        checkInputs(labels, probabilities, weights);
        double tw = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] < 0 || probabilities[i] > 1) {
                throw new IllegalArgumentException("probability " + i + " must be in [0, 1], was " + probabilities[i]);
            }
            tw += w(weights, i);
        }
        if (!(tw > 0)) {
            throw new IllegalArgumentException("need at least one row with positive weight, total weight was " + tw);
        }
    }

    // ------------------------------------------------------------------ threshold selection

    /** The threshold maximizing F1 (unit weights). */
    public static ThresholdChoice bestF1Threshold(double[] labels, double[] scores) {
        return bestF1Threshold(labels, scores, null);
    }

    /**
     * The distinct score used as threshold that maximizes F1; ties go to the higher threshold.
     *
     * @throws IllegalArgumentException when there are no rows
     */
    public static ThresholdChoice bestF1Threshold(double[] labels, double[] scores, double[] weights) {
        return search(labels, scores, weights, true, 0, 0);
    }

    /** The threshold minimizing {@code fpCost * FP + fnCost * FN} (unit weights). */
    public static ThresholdChoice minCostThreshold(double[] labels, double[] scores, double fpCost, double fnCost) {
        return minCostThreshold(labels, scores, null, fpCost, fnCost);
    }

    /**
     * The threshold minimizing the total cost {@code fpCost * FP + fnCost * FN} over +Infinity
     * (nothing positive) and every distinct score; ties go to the higher threshold.
     *
     * @param fpCost cost of one false positive, finite and &gt;= 0
     * @param fnCost cost of one false negative, finite and &gt;= 0
     */
    public static ThresholdChoice minCostThreshold(double[] labels, double[] scores, double[] weights,
                                                   double fpCost, double fnCost) {
        if (!(fpCost >= 0) || Double.isInfinite(fpCost) || !(fnCost >= 0) || Double.isInfinite(fnCost)) {
            throw new IllegalArgumentException("costs must be finite and >= 0, were fpCost=" + fpCost
                    + ", fnCost=" + fnCost);
        }
        return search(labels, scores, weights, false, fpCost, fnCost);
    }

    private static ThresholdChoice search(double[] labels, double[] scores, double[] weights, boolean f1,
                                          double fpCost, double fnCost) {
        checkInputs(labels, scores, weights);
        if (labels.length == 0) {
            throw new IllegalArgumentException("cannot choose a threshold without rows");
        }
        double[][] c = cumulative(labels, scores, weights);
        int m = c[2].length;
        double totalPos = c[0][m - 1];
        double totalNeg = c[1][m - 1];
        int best = -1;
        double bestValue = 0;
        for (int k = f1 ? 1 : 0; k < m; k++) {
            double tp = c[0][k];
            double fp = c[1][k];
            double fn = totalPos - tp;
            double value;
            if (f1) {
                double den = 2 * tp + fp + fn;
                value = den == 0 ? 0 : 2 * tp / den;
                if (best < 0 || value > bestValue) {
                    best = k;
                    bestValue = value;
                }
            } else {
                value = fpCost * fp + fnCost * fn;
                if (best < 0 || value < bestValue) {
                    best = k;
                    bestValue = value;
                }
            }
        }
        double tp = c[0][best];
        double fp = c[1][best];
        ConfusionMatrix cm = new ConfusionMatrix(tp, fp, totalNeg - fp, totalPos - tp);
        return new ThresholdChoice(c[2][best], bestValue, cm);
    }
}
