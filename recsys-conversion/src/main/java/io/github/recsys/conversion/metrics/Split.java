package io.github.recsys.conversion.metrics;

/**
 * A train/test partition of row indices {@code 0..n-1}; both index arrays are sorted ascending and
 * disjoint. Immutable; accessors return copies.
 */
public final class Split {
    private final int[] train;
    private final int[] test;

    Split(int[] train, int[] test) {
        this.train = train;
        this.test = test;
    }

    /** Training row indices, ascending (a copy). */
    public int[] train() {
        return train.clone();
    }

    /** Test row indices, ascending (a copy). */
    public int[] test() {
        return test.clone();
    }

    /** Number of training rows. */
    public int trainSize() {
        return train.length;
    }

    /** Number of test rows. */
    public int testSize() {
        return test.length;
    }
}
