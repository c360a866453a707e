package io.github.recsys.conversion.data;

/**
 * Reads a binary label (conversion) column as 0/1 doubles: a boolean column (true = 1), a numeric
 * column holding only 0 and 1, or a categorical column with a named positive level. Stateless;
 * thread-safe.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * The labels of {@code column}.
     *
     * @param positiveLevel for a categorical column, the level meaning 1 (others 0); ignored otherwise; may be null
     * @param allowMissing  true: missing values become NaN; false: they are an error
     * @return n values in {0, 1} (or NaN for missing when allowed)
     * @throws IllegalArgumentException for values other than 0/1, a categorical column without positive
     *                                  level, or (when not allowed) missing values; the message names the column and first bad row
     */
    public static double[] binary(Column column, String positiveLevel, boolean allowMissing) {
        String target = column.name();
        int n = column.size();
        double[] y = new double[n];
        int missing = 0;
        int firstMissing = -1;
        if (column instanceof BooleanColumn b) {
            for (int i = 0; i < n; i++) {
                if (b.isMissing(i)) {
                    y[i] = Double.NaN;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                } else {
                    y[i] = b.isTrue(i) ? 1 : 0;
                }
            }
        } else if (column instanceof NumericColumn x) {
            for (int i = 0; i < n; i++) {
                double v = x.get(i);
                if (Double.isNaN(v)) {
                    y[i] = Double.NaN;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                } else if (v == 0 || v == 1) {
                    y[i] = v;
                } else {
                    throw new IllegalArgumentException("target '" + target + "' must be boolean or 0/1, found " + v + " at row " + i);
                }
            }
        } else {
            CategoricalColumn k = (CategoricalColumn) column;
            if (positiveLevel == null) {
                throw new IllegalArgumentException("target '" + target + "' is categorical with levels " + k.levels()
                        + "; name the positive level, e.g. target(\"" + target + "\", \""
                        + (k.cardinality() > 0 ? k.levelOf(k.cardinality() - 1) : "yes") + "\")");
            }
            int pos = k.codeOf(positiveLevel);
            for (int i = 0; i < n; i++) {
                int code = k.code(i);
                if (code < 0) {
                    y[i] = Double.NaN;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                } else {
                    y[i] = code == pos ? 1 : 0;
                }
            }
        }
        if (missing > 0 && !allowMissing) {
            throw new IllegalArgumentException("target '" + target + "' is missing in " + missing + " rows (first at row "
                    + firstMissing + "); remove them first, e.g. with RowFilter.notMissing(\"" + target + "\")");
        }
        return y;
    }
}
