package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of category codes {@code 0 .. cardinality-1} into a dictionary of distinct level strings;
 * {@link #MISSING} ({@code -1}) marks a missing value. Two columns are equal when their names, levels
 * (in order) and codes are equal. Immutable and thread-safe.
 */
public final class CategoricalColumn extends Column {

    /** Code of a missing value. */
    public static final int MISSING = -1;

    private final int[] codes;
    private final String[] levels;
    private final Map<String, Integer> index;

    private CategoricalColumn(String name, int[] codes, String[] levels) {
        super(name);
        this.codes = codes;
        this.levels = levels;
        Map<String, Integer> m = new HashMap<>(levels.length * 2);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == null) {
                throw new IllegalArgumentException("level " + i + " of column '" + name + "' is null");
            }
            if (m.put(levels[i], i) != null) {
                throw new IllegalArgumentException("level '" + levels[i] + "' appears twice in column '" + name + "'");
            }
        }
        this.index = m;
    }

    /**
     * A column over copies of the arrays.
     *
     * @param codes  per-row code in {@code [0, levels.length)} or {@link #MISSING}
     * @param levels distinct, non-null level strings
     */
    public static CategoricalColumn of(String name, int[] codes, String[] levels) {
        int[] c = codes.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < MISSING || c[i] >= levels.length) {
                throw new IllegalArgumentException("code of row " + i + " in column '" + name + "' must be in [-1, "
                        + levels.length + "), was " + c[i]);
            }
        }
        return new CategoricalColumn(name, c, levels.clone());
    }

    /** A column from level strings per row (null = missing); levels sorted in natural string order. */
    public static CategoricalColumn ofLevels(String name, String[] values) {
        String[] distinct = Arrays.stream(values).filter(java.util.Objects::nonNull).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < distinct.length; i++) {
            m.put(distinct[i], i);
        }
        int[] c = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i] == null ? MISSING : m.get(values[i]);
        }
        return new CategoricalColumn(name, c, distinct);
    }

    /** Takes ownership of validated arrays (package use). */
    static CategoricalColumn wrap(String name, int[] codes, String[] levels) {
        return new CategoricalColumn(name, codes, levels);
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** Number of levels. */
    public int cardinality() {
        return levels.length;
    }

    /** The code of row {@code row}, or {@link #MISSING}. */
    public int code(int row) {
        return codes[row];
    }

    /** The level of row {@code row}, or null when missing. */
    public String level(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels[c];
    }

    /** The level string of code {@code code}. */
    public String levelOf(int code) {
        if (code < 0 || code >= levels.length) {
            throw new IndexOutOfBoundsException("code " + code + " out of range [0, " + levels.length + ") in column '" + name() + "'");
        }
        return levels[code];
    }

    /** The code of a level, or {@link #MISSING} when the level is unknown (or null). */
    public int codeOf(String level) {
        Integer c = level == null ? null : index.get(level);
        return c == null ? MISSING : c;
    }

    /** The levels in code order (an unmodifiable list). */
    public List<String> levels() {
        return Collections.unmodifiableList(Arrays.asList(levels.clone()));
    }

    /** All codes (a copy). */
    public int[] codes() {
        return codes.clone();
    }

    /** Number of rows per code, length {@link #cardinality()} (missing rows not counted). */
    public long[] counts() {
        long[] c = new long[levels.length];
        for (int code : codes) {
            if (code >= 0) {
                c[code]++;
            }
        }
        return c;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public String text(int row) {
        return level(row);
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = codes[rows[k]];
        }
        return new CategoricalColumn(name(), out, levels);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, levels);
    }

    /**
     * The codes of this column translated into the dictionary {@code target} (for example the levels
     * seen when a transform was fitted); levels unknown to {@code target} become {@link #MISSING}
     * and are reported in {@code unknownOut} when it is not null.
     */
    public int[] codesIn(List<String> target, List<String> unknownOut) {
        Map<String, Integer> t = new HashMap<>(target.size() * 2);
        for (int i = 0; i < target.size(); i++) {
            t.put(target.get(i), i);
        }
        int[] remap = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            Integer c = t.get(levels[i]);
            remap[i] = c == null ? MISSING : c;
            if (c == null && unknownOut != null) {
                unknownOut.add(levels[i]);
            }
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            out[i] = c == MISSING ? MISSING : remap[c];
        }
        return out;
    }

    /** Distinct levels actually used by some row, in code order. */
    public List<String> usedLevels() {
        boolean[] used = new boolean[levels.length];
        for (int c : codes) {
            if (c >= 0) {
                used[c] = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (used[i]) {
                out.add(levels[i]);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn c && c.name().equals(name()) && Arrays.equals(c.levels, levels)
                && Arrays.equals(c.codes, codes);
    }

    @Override
    public int hashCode() {
        return (name().hashCode() * 31 + Arrays.hashCode(levels)) * 31 + Arrays.hashCode(codes);
    }
}
