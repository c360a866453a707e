package io.github.recsys.conversion.importance;

import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.FeatureMatrix;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Model-agnostic permutation importance (Breiman 2001; scikit-learn's
 * {@code permutation_importance}): the importance of column {@code j} is the mean drop of a score
 * when column {@code j} of the evaluation rows is shuffled, over {@code repeats} shuffles. A drop
 * near zero (or negative) means the model does not need the column.
 *
 * <p>Shuffles come from child generators of a {@link SplittableRandom} seeded with {@code seed},
 * drawn column by column, so results are reproducible. Works on a private copy of the values; the
 * model is called through {@link BinaryClassifier#predictProbabilities}. Stateless and thread-safe.
 */
public final class PermutationImportance {

    private PermutationImportance() {
    }

    /**
     * Computes the importances.
     *
     * @param model   any trained classifier with {@code data.cols()} features
     * @param data    labeled evaluation rows (ideally not the training rows)
     * @param score   quality measure, higher = better
     * @param repeats shuffles per column, &gt;= 1
     * @param seed    random seed
     * @return mean score drop per column, kind {@code "permutation"}
     * @throws IllegalArgumentException for unlabeled data, a column mismatch or repeats &lt; 1
     */
    public static FeatureImportance compute(BinaryClassifier model, FeatureMatrix data, ScoreFunction score,
                                            int repeats, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(score, "score");
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("permutation importance needs labeled rows");
        }
        if (data.cols() != model.featureCount()) {
            throw new IllegalArgumentException("data has " + data.cols() + " columns, model expects " + model.featureCount());
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
        }
        int n = data.rows();
        int p = data.cols();
        double[] labels = data.labels();
        double baseline = score.score(labels, model.predictProbabilities(data));
        double[] values = data.values();
        double[] original = data.rawValues();
        String[] names = data.names();
        int[] card = new int[p];
        for (int j = 0; j < p; j++) {
            card[j] = data.cardinality(j);
        }
        SplittableRandom master = new SplittableRandom(seed);
        double[] drop = new double[p];
        double[] column = new double[n];
        for (int j = 0; j < p; j++) {
            SplittableRandom rng = master.split();
            double sum = 0;
            for (int rep = 0; rep < repeats; rep++) {
                for (int i = 0; i < n; i++) {
                    column[i] = original[i * p + j];
                }
                for (int i = n - 1; i > 0; i--) {
                    int k = rng.nextInt(i + 1);
                    double t = column[i];
                    column[i] = column[k];
                    column[k] = t;
                }
                for (int i = 0; i < n; i++) {
                    values[i * p + j] = column[i];
                }
                FeatureMatrix shuffled = FeatureMatrix.wrap(n, p, values, names, card, labels, null);
                sum += baseline - score.score(labels, model.predictProbabilities(shuffled));
            }
            for (int i = 0; i < n; i++) {
                values[i * p + j] = original[i * p + j];
            }
            drop[j] = sum / repeats;
        }
        return new FeatureImportance("permutation", names, drop);
    }
}
