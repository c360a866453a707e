package io.github.recsys.conversion.data;

/**
 * A trained model giving the probability that a row belongs to the positive class (a session
 * converts). Implementations are immutable and safe to call from many threads.
 */
public interface BinaryClassifier {

    /** Number of feature columns p the model expects. */
    int featureCount();

    /**
     * Probability of the positive class for the row stored at {@code x[offset .. offset+p)}.
     *
     * @param x      row values; not modified
     * @param offset start of the row in {@code x}
     */
    double predictProbability(double[] x, int offset);

    /** Probabilities for every row of {@code x}, in row order; {@code x.cols()} must equal {@link #featureCount()}. */
    default double[] predictProbabilities(FeatureMatrix x) {
        if (x.cols() != featureCount()) {
            throw new IllegalArgumentException("matrix has " + x.cols() + " columns, model expects " + featureCount());
        }
        double[] v = x.rawValues();
        int p = x.cols();
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictProbability(v, i * p);
        }
        return out;
    }
}
