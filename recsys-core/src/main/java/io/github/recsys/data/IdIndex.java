package io.github.recsys.data;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;
import java.util.Objects;

/**
 * A frozen, bidirectional mapping between external ids and dense indices {@code 0 .. size()-1}.
 *
 * <p>An index holds either {@code long} ids or {@code String} ids ({@link #isNumeric()} tells which);
 * indices are handed out in first-seen order by the {@link Builder}. Once built, an index never
 * changes: it is immutable and safe to share between threads.
 *
 * <p>Lookups of an unknown id return {@code -1} (never throw); {@link #idAt(int)} throws
 * {@link IndexOutOfBoundsException} for an index outside {@code [0, size())}.
 */
public final class IdIndex {

    private final long[] longIds;     // non-null iff numeric
    private final String[] stringIds; // non-null iff not numeric
    private final Long2IntOpenHashMap longLookup;
    private final Object2IntOpenHashMap<String> stringLookup;

    private IdIndex(long[] longIds, String[] stringIds) {
        this.longIds = longIds;
        this.stringIds = stringIds;
        if (longIds != null) {
            longLookup = new Long2IntOpenHashMap(longIds.length);
            longLookup.defaultReturnValue(-1);
            for (int i = 0; i < longIds.length; i++) {
                if (longLookup.put(longIds[i], i) != -1) {
                    throw new IllegalArgumentException("duplicate id " + longIds[i] + " at index " + i);
                }
            }
            stringLookup = null;
        } else {
            stringLookup = new Object2IntOpenHashMap<>(stringIds.length);
            stringLookup.defaultReturnValue(-1);
            for (int i = 0; i < stringIds.length; i++) {
                Objects.requireNonNull(stringIds[i], "id at index " + i);
                if (stringLookup.put(stringIds[i], i) != -1) {
                    throw new IllegalArgumentException("duplicate id '" + stringIds[i] + "' at index " + i);
                }
            }
            longLookup = null;
        }
    }

    /** An index over the given numeric ids, index {@code i} mapping to {@code ids[i]}; ids must be distinct. */
    public static IdIndex ofLongs(long... ids) {
        return new IdIndex(ids.clone(), null);
    }

    /** An index over the given string ids, index {@code i} mapping to {@code ids[i]}; ids must be distinct and non-null. */
    public static IdIndex ofStrings(String... ids) {
        return new IdIndex(null, ids.clone());
    }

    /** The identity index {@code 0 .. size-1}, numeric ids equal to their indices. */
    public static IdIndex identity(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        long[] ids = new long[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        return new IdIndex(ids, null);
    }

    /** A builder for numeric ids. */
    public static Builder longBuilder() {
        return new Builder(true);
    }

    /** A builder for string ids. */
    public static Builder stringBuilder() {
        return new Builder(false);
    }

    /** Number of ids. */
    public int size() {
        return longIds != null ? longIds.length : stringIds.length;
    }

    /** True when ids are {@code long}s, false when they are strings. */
    public boolean isNumeric() {
        return longIds != null;
    }

    /** The index of a numeric id, or -1 when unknown (or when this index holds strings and none equals the id's decimal form). */
    public int indexOf(long id) {
        return longLookup != null ? longLookup.get(id) : stringLookup.getInt(Long.toString(id));
    }

    /**
     * The index of an id given as text, or -1 when unknown. For a numeric index the text is parsed
     * as a decimal long; text that does not parse is unknown.
     */
    public int indexOf(String id) {
        if (stringLookup != null) {
            return stringLookup.getInt(id);
        }
        try {
            return longLookup.get(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The id at {@code index} as text (the decimal form for numeric ids). */
    public String idAt(int index) {
        checkIndex(index);
        return longIds != null ? Long.toString(longIds[index]) : stringIds[index];
    }

    /** The numeric id at {@code index}; throws {@link IllegalStateException} for a string index. */
    public long longIdAt(int index) {
        checkIndex(index);
        if (longIds == null) {
            throw new IllegalStateException("this index holds string ids, not longs");
        }
        return longIds[index];
    }

    /** All ids as text, in index order (a copy). */
    public String[] idsAsStrings() {
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = idAt(i);
        }
        return out;
    }

    /** All numeric ids in index order (a copy); throws {@link IllegalStateException} for a string index. */
    public long[] longIds() {
        if (longIds == null) {
            throw new IllegalStateException("this index holds string ids, not longs");
        }
        return longIds.clone();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " out of range [0, " + size() + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IdIndex other)) {
            return false;
        }
        return Arrays.equals(longIds, other.longIds) && Arrays.equals(stringIds, other.stringIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(longIds) + Arrays.hashCode(stringIds);
    }

    @Override
    public String toString() {
        return "IdIndex[" + (isNumeric() ? "long" : "string") + ", size=" + size() + "]";
    }

    /**
     * Assigns dense indices to ids in first-seen order. Not thread-safe; {@link #build()} freezes a copy
     * and the builder may go on being used afterwards.
     */
    public static final class Builder {
        private final boolean numeric;
        private final Long2IntOpenHashMap longs;
        private final Object2IntOpenHashMap<String> strings;
        private long[] longList = new long[16];
        private String[] stringList = new String[16];
        private int size;

        private Builder(boolean numeric) {
            this.numeric = numeric;
            if (numeric) {
                longs = new Long2IntOpenHashMap();
                longs.defaultReturnValue(-1);
                strings = null;
            } else {
                strings = new Object2IntOpenHashMap<>();
                strings.defaultReturnValue(-1);
                longs = null;
            }
        }

        /** Returns the index of {@code id}, adding it when new. Only for numeric builders. */
        public int add(long id) {
            if (!numeric) {
                return add(Long.toString(id));
            }
            int idx = longs.get(id);
            if (idx >= 0) {
                return idx;
            }
            if (size == longList.length) {
                longList = Arrays.copyOf(longList, size * 2);
            }
            longList[size] = id;
            longs.put(id, size);
            return size++;
        }

        /**
         * Returns the index of {@code id}, adding it when new. On a numeric builder the text must be a
         * decimal long, else {@link IllegalArgumentException}.
         */
        public int add(String id) {
            Objects.requireNonNull(id, "id");
            if (numeric) {
                long v;
                try {
                    v = Long.parseLong(id);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a numeric id, was '" + id + "'");
                }
                return add(v);
            }
            int idx = strings.getInt(id);
            if (idx >= 0) {
                return idx;
            }
            if (size == stringList.length) {
                stringList = Arrays.copyOf(stringList, size * 2);
            }
            stringList[size] = id;
            strings.put(id, size);
            return size++;
        }

        /** The index of {@code id} or -1, without adding it. */
        public int indexOf(String id) {
            if (numeric) {
                try {
                    return longs.get(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            return strings.getInt(id);
        }

        /** Number of ids added so far. */
        public int size() {
            return size;
        }

        /** A frozen index of the ids added so far. */
        public IdIndex build() {
            return numeric
                    ? new IdIndex(Arrays.copyOf(longList, size), null)
                    : new IdIndex(null, Arrays.copyOf(stringList, size));
        }
    }
}
