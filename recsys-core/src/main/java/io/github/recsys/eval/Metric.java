package io.github.recsys.eval;

import java.util.Locale;

/**
 * The metrics an {@link Evaluator} reports; definitions in {@link RankingMetrics}. {@link #key()} is
 * the name used in JSON output and on the command line.
 */
public enum Metric {
    /** precision@k = hits / k. */
    PRECISION("precision"),
    /** recall@k = hits / |T|. */
    RECALL("recall"),
    /** mean average precision@k, normalised by min(k, |T|). */
    MAP("map"),
    /** NDCG@k, binary gain, ideal DCG over min(k, |T|). */
    NDCG("ndcg"),
    /** share of users with at least one hit in the top k. */
    HIT_RATE("hitRate"),
    /** ranking AUC over all candidates (NaN when not computed). */
    AUC("auc"),
    /** distinct items in the top-k lists / items (a single value, no per-user form). */
    COVERAGE("coverage"),
    /** intra-list diversity@k from item factors (NaN when no factors were given). */
    DIVERSITY("diversity"),
    /** mean -log2 popularity of the top-k items, in bits. */
    NOVELTY("novelty");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The metric's name in JSON and CLI options, e.g. {@code "ndcg"}, {@code "hitRate"}. */
    public String key() {
        return key;
    }

    /**
     * The metric named {@code name} (its {@link #key()} or enum name, case-insensitive, '-' and '_' ignored).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Metric parse(String name) {
        String n = name.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key.toLowerCase(Locale.ROOT).equals(n) || m.name().replace("_", "").toLowerCase(Locale.ROOT).equals(n)) {
                return m;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Metric m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.key);
        }
        throw new IllegalArgumentException("unknown metric '" + name + "', expected one of " + sb);
    }
}
