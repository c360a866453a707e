package io.github.recsys.conversion.metrics;

/**
 * A curve traced by moving the decision threshold over the distinct scores, from the highest
 * score down: point {@code k} is the classifier "positive when score &gt;= thresholds[k]".
 * For a ROC curve x = false-positive rate and y = true-positive rate, and the first point is
 * (0, 0) at threshold {@code +Infinity}; for a precision-recall curve x = recall and
 * y = precision. Immutable; accessors return copies.
 */
public final class Curve {
    private final double[] x;
    private final double[] y;
    private final double[] thresholds;

    Curve(double[] x, double[] y, double[] thresholds) {
        this.x = x;
        this.y = y;
        this.thresholds = thresholds;
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** x coordinates (a copy). */
    public double[] x() {
        return x.clone();
    }

    /** y coordinates (a copy). */
    public double[] y() {
        return y.clone();
    }

    /** Threshold of each point (a copy), decreasing. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Area under the piecewise-linear curve by the trapezoidal rule over x. */
    public double trapezoidArea() {
        double a = 0;
        for (int k = 1; k < x.length; k++) {
            a += (x[k] - x[k - 1]) * (y[k] + y[k - 1]) * 0.5;
        }
        return a;
    }
}
