package io.github.recsys.internal;

/**
 * Argument checks shared by recsys' validated configuration records. Each throws
 * {@link IllegalArgumentException} naming the parameter, the rule and the offending value, e.g.
 * "learningRate must be in (0, 1], was 0.0". Not API. Stateless and thread-safe.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code v} must be finite and &gt; 0. */
    public static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }

    /** {@code v} must be finite and &gt;= 0. */
    public static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }

    /** {@code v} must be in (0, 1]. */
    public static void fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + v);
        }
    }

    /** {@code v} must be &gt;= {@code min}. */
    public static void atLeast(String name, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + v);
        }
    }
}
