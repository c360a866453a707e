package io.github.recsys.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable list of raw interactions (coordinate form): entry {@code t} says user {@code user(t)}
 * interacted with item {@code item(t)} with value {@code value(t)} (a rating, count or event weight),
 * optionally at time {@code timestamp(t)}.
 *
 * <p>Unlike an {@link InteractionMatrix}, a log keeps every entry in input order, duplicates
 * included, together with its timestamp, so that evaluation splits (random, leave-k-out, temporal)
 * can be carved from it; {@link #toMatrix()} then sums duplicates into a matrix.
 *
 * <p>Shapes: {@link #size()} entries; user indices in {@code [0, userIndex().size())}, item indices
 * in {@code [0, itemIndex().size())}; values finite and {@code >= 0}; timestamps in caller-defined
 * units (usually seconds or milliseconds since the epoch), or absent ({@link #hasTimestamps()}).
 * A log built by {@link #select(int[])} shares the id indexes of its parent, so dense indices mean
 * the same in a train and a test log. Instances are immutable and safe to share between threads;
 * accessors return copies.
 */
public final class InteractionLog {

    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final long[] timestamps; // null when absent
    private final IdIndex userIndex;
    private final IdIndex itemIndex;

    private InteractionLog(int[] users, int[] items, float[] values, long[] timestamps,
                           IdIndex userIndex, IdIndex itemIndex) {
        this.users = users;
        this.items = items;
        this.values = values;
        this.timestamps = timestamps;
        this.userIndex = userIndex;
        this.itemIndex = itemIndex;
    }

    /**
     * A log from parallel arrays (copied; the first {@code n} entries of each are used).
     *
     * @param users      user index of each entry, in {@code [0, userIndex.size())}
     * @param items      item index of each entry, in {@code [0, itemIndex.size())}
     * @param values     value of each entry, finite and {@code >= 0}
     * @param timestamps timestamp of each entry, or null when the log has none
     * @param n          number of entries to take
     * @param userIndex  ids of the users
     * @param itemIndex  ids of the items
     * @throws IllegalArgumentException naming the entry, for an index out of range or a bad value
     */
    public static InteractionLog of(int[] users, int[] items, float[] values, long[] timestamps, int n,
                                    IdIndex userIndex, IdIndex itemIndex) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(userIndex, "userIndex");
        Objects.requireNonNull(itemIndex, "itemIndex");
        int min = Math.min(users.length, Math.min(items.length, values.length));
        if (timestamps != null) {
            min = Math.min(min, timestamps.length);
        }
        if (n < 0 || n > min) {
            throw new IllegalArgumentException("n must be in [0, " + min + "] (shortest array), was " + n);
        }
        int nu = userIndex.size();
        int ni = itemIndex.size();
        for (int t = 0; t < n; t++) {
            if (users[t] < 0 || users[t] >= nu) {
                throw new IllegalArgumentException("entry " + t + ": user index " + users[t] + " out of range [0, " + nu + ")");
            }
            if (items[t] < 0 || items[t] >= ni) {
                throw new IllegalArgumentException("entry " + t + ": item index " + items[t] + " out of range [0, " + ni + ")");
            }
            float v = values[t];
            if (!(v >= 0f) || v == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + t + ": value must be finite and >= 0, was " + v);
            }
        }
        return new InteractionLog(Arrays.copyOf(users, n), Arrays.copyOf(items, n), Arrays.copyOf(values, n),
                timestamps == null ? null : Arrays.copyOf(timestamps, n), userIndex, itemIndex);
    }

    /** As {@link #of(int[], int[], float[], long[], int, IdIndex, IdIndex)} with identity id indexes of the given sizes. */
    public static InteractionLog of(int userCount, int itemCount, int[] users, int[] items, float[] values, long[] timestamps) {
        return of(users, items, values, timestamps, users.length, IdIndex.identity(userCount), IdIndex.identity(itemCount));
    }

    /** Number of entries. */
    public int size() {
        return users.length;
    }

    /** Number of users in the id index (some may have no entry in this log). */
    public int userCount() {
        return userIndex.size();
    }

    /** Number of items in the id index (some may have no entry in this log). */
    public int itemCount() {
        return itemIndex.size();
    }

    /** True when the log carries timestamps. */
    public boolean hasTimestamps() {
        return timestamps != null;
    }

    /** User index of entry {@code t}. */
    public int user(int t) {
        return users[t];
    }

    /** Item index of entry {@code t}. */
    public int item(int t) {
        return items[t];
    }

    /** Value of entry {@code t}. */
    public float value(int t) {
        return values[t];
    }

    /** Timestamp of entry {@code t}; {@link IllegalStateException} when the log has none. */
    public long timestamp(int t) {
        if (timestamps == null) {
            throw new IllegalStateException("this log has no timestamps");
        }
        return timestamps[t];
    }

    /** User indices, one per entry (a copy). */
    public int[] users() {
        return users.clone();
    }

    /** Item indices, one per entry (a copy). */
    public int[] items() {
        return items.clone();
    }

    /** Values, one per entry (a copy). */
    public float[] values() {
        return values.clone();
    }

    /** Timestamps, one per entry (a copy), or null when the log has none. */
    public long[] timestamps() {
        return timestamps == null ? null : timestamps.clone();
    }

    /** Ids of the users. */
    public IdIndex userIndex() {
        return userIndex;
    }

    /** Ids of the items. */
    public IdIndex itemIndex() {
        return itemIndex;
    }

    /**
     * The sub-log of the given entries, in the given order, sharing this log's id indexes.
     *
     * @param entries entry positions in {@code [0, size())}; not modified
     */
    public InteractionLog select(int[] entries) {
        int n = entries.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] ts = timestamps == null ? null : new long[n];
        for (int j = 0; j < n; j++) {
            int t = entries[j];
            if (t < 0 || t >= users.length) {
                throw new IndexOutOfBoundsException("entry " + t + " out of range [0, " + users.length + ")");
            }
            u[j] = users[t];
            i[j] = items[t];
            v[j] = values[t];
            if (ts != null) {
                ts[j] = timestamps[t];
            }
        }
        return new InteractionLog(u, i, v, ts, userIndex, itemIndex);
    }

    /** The same log with every value replaced by {@code value} (e.g. 1 for binary feedback); finite and {@code >= 0}. */
    public InteractionLog withConstantValue(float value) {
        if (!(value >= 0f) || value == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("value must be finite and >= 0, was " + value);
        }
        float[] v = new float[users.length];
        Arrays.fill(v, value);
        return new InteractionLog(users, items, v, timestamps, userIndex, itemIndex);
    }

    /**
     * The users x items matrix of this log, duplicate (user, item) entries summed, with this log's
     * id indexes (so its shape is {@code userCount() x itemCount()}).
     */
    public InteractionMatrix toMatrix() {
        return InteractionMatrix.fromTriples(userIndex.size(), itemIndex.size(), users, items, values, users.length,
                userIndex, itemIndex);
    }

    @Override
    public String toString() {
        return "InteractionLog[" + users.length + " entries, " + userIndex.size() + " users, " + itemIndex.size()
                + " items, timestamps=" + (timestamps != null) + "]";
    }
}
