package io.github.recsys.eval;

import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of one {@link Evaluator} run: the mean of each {@link Metric} over the evaluated users
 * (users with at least one train and one test item), and optionally each user's value.
 *
 * <p>A metric that could not be computed (AUC when disabled, diversity without item factors) is NaN.
 * Per-user arrays are aligned with {@link #users()}; a user's entry is NaN where the metric is
 * undefined for that user (e.g. diversity of a one-item list), and such users are left out of that
 * metric's mean. Immutable; accessors return copies.
 */
public final class EvaluationResult {

    private final int k;
    private final int[] users;
    private final EnumMap<Metric, Double> means;
    private final EnumMap<Metric, double[]> perUser; // null when not requested

    EvaluationResult(int k, int[] users, EnumMap<Metric, Double> means, EnumMap<Metric, double[]> perUser) {
        this.k = k;
        this.users = users;
        this.means = means;
        this.perUser = perUser;
    }

    /** The cut-off k. */
    public int k() {
        return k;
    }

    /** Number of evaluated users. */
    public int userCount() {
        return users.length;
    }

    /** Dense indices of the evaluated users, increasing (a copy). */
    public int[] users() {
        return users.clone();
    }

    /** The mean of {@code metric} (coverage: its single value); NaN when not computed. */
    public double mean(Metric metric) {
        return means.get(metric);
    }

    /** All means, in {@link Metric} order (a copy). */
    public Map<Metric, Double> means() {
        return new EnumMap<>(means);
    }

    /** True when per-user values were requested. */
    public boolean hasPerUser() {
        return perUser != null;
    }

    /**
     * Each evaluated user's value of {@code metric}, aligned with {@link #users()} (a copy).
     *
     * @throws IllegalStateException when per-user values were not requested or for {@link Metric#COVERAGE}
     */
    public double[] perUser(Metric metric) {
        if (perUser == null) {
            throw new IllegalStateException("per-user values were not requested (Evaluator.Builder.perUser(true))");
        }
        double[] v = perUser.get(metric);
        if (v == null) {
            throw new IllegalStateException(metric.key() + " has no per-user values");
        }
        return v.clone();
    }

    /** precision@k. */
    public double precision() {
        return mean(Metric.PRECISION);
    }

    /** recall@k. */
    public double recall() {
        return mean(Metric.RECALL);
    }

    /** MAP@k. */
    public double map() {
        return mean(Metric.MAP);
    }

    /** NDCG@k. */
    public double ndcg() {
        return mean(Metric.NDCG);
    }

    /** hit rate@k. */
    public double hitRate() {
        return mean(Metric.HIT_RATE);
    }

    /** AUC. */
    public double auc() {
        return mean(Metric.AUC);
    }

    /** catalogue coverage@k. */
    public double coverage() {
        return mean(Metric.COVERAGE);
    }

    /** intra-list diversity@k. */
    public double diversity() {
        return mean(Metric.DIVERSITY);
    }

    /** novelty@k in bits. */
    public double novelty() {
        return mean(Metric.NOVELTY);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EvaluationResult[k=").append(k).append(", users=").append(users.length);
        for (Map.Entry<Metric, Double> e : means.entrySet()) {
            sb.append(", ").append(e.getKey().key()).append('=').append(e.getValue());
        }
        return sb.append(']').toString();
    }
}
