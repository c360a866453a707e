package io.github.recsys.conversion.tree;

/**
 * The best split found so far for one node: a mutable scratch record filled by {@link SplitFinder}.
 * Statistics are the per-row pairs the tree is grown on (gradient and hessian, or weighted positives
 * and weight). Not thread-safe; one instance per node being evaluated.
 */
public final class SplitCandidate {
    /** Split column, or -1 when no split beats the minimum gain. */
    public int feature = -1;
    /** Gain of the split, in the criterion's units (see {@link SplitFinder}). */
    public double gain;
    /** Numeric split: rows with value code {@code <= bin} go left. */
    public int bin;
    /** True when the split is on a category set ({@link #categories}). */
    public boolean categorical;
    /** Categorical split: bit {@code c} set = category code {@code c} goes left (256 bits). */
    public final long[] categories = new long[4];
    /** Where rows with a missing value go. */
    public boolean defaultLeft;
    /** First statistic summed over the left child. */
    public double leftA;
    /** Second statistic (weight / hessian) summed over the left child. */
    public double leftB;
    /** First statistic summed over the right child. */
    public double rightA;
    /** Second statistic summed over the right child. */
    public double rightB;

    /** Clears the record so that only splits with gain strictly above {@code minGain} are accepted. */
    public void reset(double minGain) {
        feature = -1;
        gain = minGain;
        bin = 0;
        categorical = false;
        categories[0] = 0;
        categories[1] = 0;
        categories[2] = 0;
        categories[3] = 0;
        defaultLeft = false;
        leftA = 0;
        leftB = 0;
        rightA = 0;
        rightB = 0;
    }

    /** True when a split was found. */
    public boolean isValid() {
        return feature >= 0;
    }

    /** Copies every field of {@code o} into this record. */
    public void copyFrom(SplitCandidate o) {
        feature = o.feature;
        gain = o.gain;
        bin = o.bin;
        categorical = o.categorical;
        System.arraycopy(o.categories, 0, categories, 0, 4);
        defaultLeft = o.defaultLeft;
        leftA = o.leftA;
        leftB = o.leftB;
        rightA = o.rightA;
        rightB = o.rightB;
    }

    /** True when a row whose column code is {@code code} goes left; {@code missingCode} marks missing values. */
    public boolean goesLeft(int code, int missingCode) {
        if (code == missingCode) {
            return defaultLeft;
        }
        if (categorical) {
            return (categories[code >>> 6] >>> (code & 63) & 1L) != 0;
        }
        return code <= bin;
    }
}
