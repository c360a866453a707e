package io.github.recsys.data;

import java.util.Objects;

/**
 * Build-time weighting of an {@link InteractionMatrix}: maps each stored raw value {@code v >= 0}
 * (a count, play count, event weight sum...) to the preference strength {@code r >= 0} that implicit
 * ALS turns into confidence {@code c = 1 + alpha * r}. Apply with {@link #apply(InteractionMatrix)},
 * which returns a new matrix with the same structure and ids.
 *
 * <p>Definitions, for a users x items matrix with {@code I} columns (items); {@code n_u} = number of
 * stored entries of user u (row length); {@code L_i} = sum of the values of item i (column sum);
 * {@code avgL} = mean of {@code L_i} over items with at least one entry:
 * <ul>
 *   <li>{@link #linear()}: {@code r = v}, so {@code c = 1 + alpha*v};</li>
 *   <li>{@link #log(double)}: {@code r = ln(1 + v/eps)}, so {@code c = 1 + alpha*ln(1 + v/eps)};</li>
 *   <li>{@link #binary()}: {@code r = 1} for every stored {@code v > 0}, {@code r = 0} for a stored zero;</li>
 *   <li>{@link #bm25(double, double)}: Okapi BM25 with items as documents and users as terms (the
 *       orientation of the implicit library's {@code bm25_weight} on an item-user matrix):
 *       {@code r = idf_u * v*(K1+1) / (v + K1*(1 - B + B*L_i/avgL))} with
 *       {@code idf_u = ln(1 + (I - n_u + 0.5)/(n_u + 0.5))} (always positive);</li>
 *   <li>{@link #tfIdf()}: {@code r = sqrt(v) * ln(1 + I/n_u)} (same orientation).</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class Confidence {

    /** Default BM25 K1 (term-frequency saturation), as in the implicit library's examples. */
    public static final double DEFAULT_BM25_K1 = 100;
    /** Default BM25 B (length normalization), as in the implicit library's examples. */
    public static final double DEFAULT_BM25_B = 0.8;

    private enum Kind { LINEAR, LOG, BINARY, BM25, TFIDF }

    private final Kind kind;
    private final double p1;
    private final double p2;

    private Confidence(Kind kind, double p1, double p2) {
        this.kind = kind;
        this.p1 = p1;
        this.p2 = p2;
    }

    /** {@code r = v}. */
    public static Confidence linear() {
        return new Confidence(Kind.LINEAR, 0, 0);
    }

    /**
     * {@code r = ln(1 + v/eps)}.
     *
     * @param eps scale, finite and &gt; 0
     */
    public static Confidence log(double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, was " + eps);
        }
        return new Confidence(Kind.LOG, eps, 0);
    }

    /** {@code r = 1} for stored values &gt; 0 (0 for stored zeros). */
    public static Confidence binary() {
        return new Confidence(Kind.BINARY, 0, 0);
    }

    /** BM25 with {@link #DEFAULT_BM25_K1} and {@link #DEFAULT_BM25_B}. */
    public static Confidence bm25() {
        return bm25(DEFAULT_BM25_K1, DEFAULT_BM25_B);
    }

    /**
     * BM25 weighting (see the class description).
     *
     * @param k1 saturation, finite and &gt;= 0
     * @param b  length normalization in [0, 1]
     */
    public static Confidence bm25(double k1, double b) {
        if (!(k1 >= 0) || Double.isInfinite(k1)) {
            throw new IllegalArgumentException("K1 must be finite and >= 0, was " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("B must be in [0, 1], was " + b);
        }
        return new Confidence(Kind.BM25, k1, b);
    }

    /** TF-IDF weighting (see the class description). */
    public static Confidence tfIdf() {
        return new Confidence(Kind.TFIDF, 0, 0);
    }

    /**
     * Parses a name as used on command lines: {@code linear}, {@code log} (eps 1), {@code log:EPS},
     * {@code binary}, {@code bm25}, {@code bm25:K1:B}, {@code tfidf}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Confidence parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            switch (parts[0]) {
                case "linear": if (parts.length == 1) { return linear(); } break;
                case "binary": if (parts.length == 1) { return binary(); } break;
                case "tfidf": case "tf-idf": if (parts.length == 1) { return tfIdf(); } break;
                case "log":
                    if (parts.length == 1) { return log(1.0); }
                    if (parts.length == 2) { return log(Double.parseDouble(parts[1])); }
                    break;
                case "bm25":
                    if (parts.length == 1) { return bm25(); }
                    if (parts.length == 3) { return bm25(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])); }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown confidence '" + text
                + "': expected linear, log, log:EPS, binary, bm25, bm25:K1:B or tfidf");
    }

    /** A short description, e.g. {@code log(eps=1.0)}. */
    public String name() {
        switch (kind) {
            case LOG: return "log(eps=" + p1 + ")";
            case BM25: return "bm25(K1=" + p1 + ", B=" + p2 + ")";
            case TFIDF: return "tfidf";
            case BINARY: return "binary";
            default: return "linear";
        }
    }

    /** A new matrix with the same structure and ids whose values are the strengths r (see the class description). */
    public InteractionMatrix apply(InteractionMatrix m) {
        Objects.requireNonNull(m, "m");
        switch (kind) {
            case LINEAR:
                return m.mapValues((u, i, v) -> v);
            case BINARY:
                return m.mapValues((u, i, v) -> v > 0 ? 1f : 0f);
            case LOG: {
                double eps = p1;
                return m.mapValues((u, i, v) -> (float) Math.log1p(v / eps));
            }
            case TFIDF: {
                double[] idf = userIdfTfIdf(m);
                return m.mapValues((u, i, v) -> (float) (Math.sqrt(v) * idf[u]));
            }
            case BM25: {
                double k1 = p1;
                double b = p2;
                int users = m.rows();
                int items = m.cols();
                double[] idf = new double[users];
                for (int u = 0; u < users; u++) {
                    int n = m.rowLength(u);
                    idf[u] = Math.log1p((items - n + 0.5) / (n + 0.5));
                }
                double[] len = new double[items];
                double total = 0;
                int nonEmpty = 0;
                for (int i = 0; i < items; i++) {
                    double s = 0;
                    for (float v : m.colValues(i)) {
                        s += v;
                    }
                    len[i] = s;
                    if (m.colLength(i) > 0) {
                        total += s;
                        nonEmpty++;
                    }
                }
                double avg = nonEmpty == 0 ? 1 : total / nonEmpty;
                double[] norm = new double[items];
                for (int i = 0; i < items; i++) {
                    norm[i] = k1 * (1 - b + (avg > 0 ? b * len[i] / avg : 0));
                }
                return m.mapValues((u, i, v) -> {
                    double den = v + norm[i];
                    return den > 0 ? (float) (idf[u] * v * (k1 + 1) / den) : 0f;
                });
            }
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static double[] userIdfTfIdf(InteractionMatrix m) {
        double[] idf = new double[m.rows()];
        for (int u = 0; u < idf.length; u++) {
            int n = m.rowLength(u);
            idf[u] = n == 0 ? 0 : Math.log1p((double) m.cols() / n);
        }
        return idf;
    }

    @Override
    public String toString() {
        return "Confidence[" + name() + "]";
    }
}
