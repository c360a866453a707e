package io.github.recsys.conversion.metrics;

/**
 * Reliability table: predicted probabilities grouped into {@code bins} equal-width bins over
 * [0, 1] (bin {@code b} holds p in [b/bins, (b+1)/bins), the last bin also holds p = 1), with the
 * mean prediction and the observed positive rate of each bin. Empty bins have weight 0 and NaN
 * means. Immutable; accessors return copies.
 */
public final class CalibrationTable {
    private final double[] weight;
    private final double[] meanPredicted;
    private final double[] observedRate;

    CalibrationTable(double[] weight, double[] meanPredicted, double[] observedRate) {
        this.weight = weight;
        this.meanPredicted = meanPredicted;
        this.observedRate = observedRate;
    }

    /** Number of bins. */
    public int bins() {
        return weight.length;
    }

    /** Lower edge of bin {@code b}. */
    public double lower(int b) {
        return (double) b / weight.length;
    }

    /** Upper edge of bin {@code b}. */
    public double upper(int b) {
        return (double) (b + 1) / weight.length;
    }

    /** Rows (summed weights) per bin (a copy). */
    public double[] weights() {
        return weight.clone();
    }

    /** Mean predicted probability per bin (a copy; NaN for empty bins). */
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** Observed fraction of positives per bin (a copy; NaN for empty bins). */
    public double[] observedRate() {
        return observedRate.clone();
    }

    /**
     * Expected calibration error: the weight-averaged |observed rate - mean prediction| over
     * non-empty bins.
     */
    public double expectedCalibrationError() {
        double total = 0;
        double e = 0;
        for (int b = 0; b < weight.length; b++) {
            if (weight[b] > 0) {
                total += weight[b];
                e += weight[b] * Math.abs(observedRate[b] - meanPredicted[b]);
            }
        }
        return total == 0 ? 0 : e / total;
    }
}
