package io.github.recsys.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Aggregates a raw event log into an {@link InteractionMatrix}: each event
 * {@code (user, item, type, count)} adds {@code weight(type) * count} to the (user, item) cell, where
 * the weight comes from {@link EventWeights}. Users and items get dense indices in first-seen order
 * ({@link IdIndex}). Cells are summed in double precision and stored as float.
 *
 * <p>Not thread-safe: feed it from one thread, then call {@link #build()} (which may be called again
 * after more events).
 */
public final class EventAggregator {

    private final EventWeights weights;
    private final IdIndex.Builder users;
    private final IdIndex.Builder items;
    private int[] us = new int[1024];
    private int[] is = new int[1024];
    private double[] vs = new double[1024];
    private int n;

    private EventAggregator(EventWeights weights, boolean numericIds) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.users = numericIds ? IdIndex.longBuilder() : IdIndex.stringBuilder();
        this.items = numericIds ? IdIndex.longBuilder() : IdIndex.stringBuilder();
    }

    /** An aggregator for string user and item ids. */
    public static EventAggregator withStringIds(EventWeights weights) {
        return new EventAggregator(weights, false);
    }

    /** An aggregator for numeric ({@code long}) user and item ids. */
    public static EventAggregator withLongIds(EventWeights weights) {
        return new EventAggregator(weights, true);
    }

    /**
     * Adds one event line.
     *
     * @param count number of occurrences, finite and &gt;= 0
     * @throws IllegalArgumentException for an unknown event type without default weight, a bad count,
     *                                  or a non-numeric id on a numeric aggregator
     */
    public EventAggregator add(String user, String item, String eventType, double count) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(eventType, "eventType");
        double w = weights.weightOf(eventType) * checkCount(count, user, item, eventType);
        append(users.add(user), items.add(item), w);
        return this;
    }

    /** As {@link #add(String, String, String, double)} for numeric ids. */
    public EventAggregator add(long user, long item, String eventType, double count) {
        Objects.requireNonNull(eventType, "eventType");
        double w = weights.weightOf(eventType) * checkCount(count, user, item, eventType);
        append(users.add(user), items.add(item), w);
        return this;
    }

    /** Number of events added so far. */
    public int eventCount() {
        return n;
    }

    /** The aggregated users x items matrix with the user and item id indexes. */
    public InteractionMatrix build() {
        float[] values = new float[n];
        // Sum in double per cell first: InteractionMatrix sums duplicates itself, but float addition
        // of many events would lose precision; pre-merge exact duplicates via a sort by (user, item).
        long[] keys = new long[n];
        for (int t = 0; t < n; t++) {
            keys[t] = ((long) us[t] << 32) | (is[t] & 0xFFFFFFFFL);
        }
        int[] order = sortedOrder(keys);
        int[] u2 = new int[n];
        int[] i2 = new int[n];
        int m = 0;
        double acc = 0;
        for (int s = 0; s < n; s++) {
            int t = order[s];
            if (m > 0 && u2[m - 1] == us[t] && i2[m - 1] == is[t]) {
                acc += vs[t];
            } else {
                if (m > 0) {
                    values[m - 1] = toFloat(acc, u2[m - 1], i2[m - 1]);
                }
                u2[m] = us[t];
                i2[m] = is[t];
                acc = vs[t];
                m++;
            }
        }
        if (m > 0) {
            values[m - 1] = toFloat(acc, u2[m - 1], i2[m - 1]);
        }
        IdIndex ui = users.build();
        IdIndex ii = items.build();
        return InteractionMatrix.fromTriples(ui.size(), ii.size(), u2, i2, values, m, ui, ii);
    }

    private float toFloat(double v, int u, int i) {
        if (v > Float.MAX_VALUE) {
            throw new IllegalArgumentException("aggregated value " + v + " for user " + users.build().idAt(u)
                    + ", item " + items.build().idAt(i) + " overflows float");
        }
        return (float) v;
    }

    private static int[] sortedOrder(long[] keys) {
        int n = keys.length;
        // Sort (key, position) pairs packed as two arrays via an index sort on primitive arrays.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (a, b) -> {
            int c = Long.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    private static double checkCount(double count, Object user, Object item, String type) {
        if (!(count >= 0) || Double.isInfinite(count)) {
            throw new IllegalArgumentException("count " + count + " for user " + user + ", item " + item
                    + ", event '" + type + "' must be finite and >= 0");
        }
        return count;
    }

    private void append(int u, int i, double v) {
        if (n == us.length) {
            int cap = n * 2;
            us = Arrays.copyOf(us, cap);
            is = Arrays.copyOf(is, cap);
            vs = Arrays.copyOf(vs, cap);
        }
        us[n] = u;
        is[n] = i;
        vs[n] = v;
        n++;
    }
}
