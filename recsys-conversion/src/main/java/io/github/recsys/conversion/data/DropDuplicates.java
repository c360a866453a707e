package io.github.recsys.conversion.data;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes rows equal to an earlier row, on all columns or on given key columns; the first
 * occurrence is kept and row order is preserved. Missing values compare equal to each other.
 * Rows are compared by a 64-bit hash, confirmed by comparing the values. Immutable and thread-safe.
 */
public final class DropDuplicates implements Transform, FittedTransform {

    private final List<String> keys;

    /** Duplicates on the given key columns; none = all columns. */
    public DropDuplicates(String... keys) {
        this.keys = List.of(keys);
    }

    @Override
    public FittedTransform fit(Table table) {
        for (String k : keys) {
            table.column(k);
        }
        return this;
    }

    @Override
    public boolean removesRows() {
        return true;
    }

    @Override
    public Table apply(Table table) {
        List<Column> cols = new ArrayList<>();
        if (keys.isEmpty()) {
            cols.addAll(table.columns());
        } else {
            for (String k : keys) {
                cols.add(table.column(k));
            }
        }
        int n = table.rows();
        Column[] c = cols.toArray(new Column[0]);
        long[] hashes = rowHashes(c, n);
        Long2IntOpenHashMap first = new Long2IntOpenHashMap(Math.max(16, n));
        first.defaultReturnValue(-1);
        boolean[] keep = new boolean[n];
        Set<List<String>> collided = null;
        for (int i = 0; i < n; i++) {
            int j = first.putIfAbsent(hashes[i], i);
            if (j < 0) {
                keep[i] = true;
            } else if (!sameRow(c, i, j)) {
                // true 64-bit collision: fall back to exact keys for the rows involved
                if (collided == null) {
                    collided = new HashSet<>();
                    collided.add(rowKey(c, j));
                }
                keep[i] = collided.add(rowKey(c, i));
            }
        }
        return table.filter(keep);
    }

    /** 64-bit hash of each row over the given columns, computed column by column. */
    private static long[] rowHashes(Column[] cols, int n) {
        long[] h = new long[n];
        java.util.Arrays.fill(h, 0x9E3779B97F4A7C15L);
        for (Column col : cols) {
            if (col instanceof NumericColumn x) {
                for (int i = 0; i < n; i++) {
                    double d = x.get(i);
                    long v = d != d ? 0x7ff8000000000000L : Double.doubleToRawLongBits(d + 0.0);
                    h[i] = (h[i] ^ v) * 0xBF58476D1CE4E5B9L + 31;
                    h[i] ^= h[i] >>> 29;
                }
            } else if (col instanceof CategoricalColumn k) {
                for (int i = 0; i < n; i++) {
                    h[i] = (h[i] ^ k.code(i)) * 0xBF58476D1CE4E5B9L + 31;
                    h[i] ^= h[i] >>> 29;
                }
            } else {
                BooleanColumn b = (BooleanColumn) col;
                for (int i = 0; i < n; i++) {
                    h[i] = (h[i] ^ b.code(i)) * 0xBF58476D1CE4E5B9L + 31;
                    h[i] ^= h[i] >>> 29;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            h[i] = mix(h[i]);
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static boolean sameRow(Column[] cols, int a, int b) {
        for (Column col : cols) {
            if (col instanceof NumericColumn x) {
                double u = x.get(a);
                double w = x.get(b);
                if (!(u == w || (Double.isNaN(u) && Double.isNaN(w)))) {
                    return false;
                }
            } else if (col instanceof CategoricalColumn k) {
                if (k.code(a) != k.code(b)) {
                    return false;
                }
            } else if (((BooleanColumn) col).code(a) != ((BooleanColumn) col).code(b)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> rowKey(Column[] cols, int row) {
        String[] k = new String[cols.length];
        for (int j = 0; j < cols.length; j++) {
            k[j] = cols[j].text(row);
        }
        return Arrays.asList(k);
    }

    @Override
    public String toString() {
        return "DropDuplicates" + (keys.isEmpty() ? "[all columns]" : keys.toString());
    }
}
