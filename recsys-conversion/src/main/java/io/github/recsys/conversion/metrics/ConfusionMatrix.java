package io.github.recsys.conversion.metrics;

/**
 * Counts (or summed row weights) of a binary classification at one threshold, with the usual
 * derived rates. A ratio whose denominator is 0 is reported as 0 (e.g. precision when nothing is
 * predicted positive), which is also scikit-learn's {@code zero_division=0} convention.
 *
 * @param truePositives  positives predicted positive
 * @param falsePositives negatives predicted positive
 * @param trueNegatives  negatives predicted negative
 * @param falseNegatives positives predicted negative
 */
public record ConfusionMatrix(double truePositives, double falsePositives, double trueNegatives,
                              double falseNegatives) {

    /** Validates that every cell is finite and &gt;= 0. */
    public ConfusionMatrix {
        check("truePositives", truePositives);
        check("falsePositives", falsePositives);
        check("trueNegatives", trueNegatives);
        check("falseNegatives", falseNegatives);
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }

    /** Total count (or weight). */
    public double total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** (TP + TN) / total. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** TP / (TP + FP); 0 when nothing is predicted positive. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN), the true-positive rate; 0 when there are no positives. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** FP / (FP + TN); 0 when there are no negatives. */
    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    /** TN / (TN + FP); 0 when there are no negatives. */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; 0 when undefined. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0.0 : a / b;
    }
}
