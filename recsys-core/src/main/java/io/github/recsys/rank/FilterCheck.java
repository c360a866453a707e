package io.github.recsys.rank;

import io.github.recsys.api.ItemFilter;

import java.util.Arrays;

/**
 * An {@link ItemCheck} for one request: an {@link ItemFilter} plus the user's seen items as a sorted
 * slice of an int array (e.g. a CSR row). Reusable scratch: {@link #reset} points it at a new request
 * without allocating. Not thread-safe.
 */
public final class FilterCheck implements ItemCheck {

    private ItemFilter filter = ItemFilter.DEFAULT;
    private static final int[] NO_ITEMS = new int[0];

    private int[] seen = NO_ITEMS;
    private int seenFrom;
    private int seenTo;
    private boolean checkSeen;
    private boolean checkFilter;

    /** An idle check (accepts everything until {@link #reset}). */
    public FilterCheck() {
    }

    /**
     * Prepares the check for one request.
     *
     * @param filter the request's filter (null = {@link ItemFilter#DEFAULT})
     * @param seen   array holding the user's seen items, increasing within {@code [from, to)}; not modified,
     *               referenced until the next reset
     * @param from   first position of the user's items in {@code seen}
     * @param to     end (exclusive) of the user's items
     * @return this check, or null when it would accept every item (callers may then skip it)
     */
    public FilterCheck reset(ItemFilter filter, int[] seen, int from, int to) {
        this.filter = filter == null ? ItemFilter.DEFAULT : filter;
        this.seen = seen;
        this.seenFrom = from;
        this.seenTo = to;
        this.checkSeen = this.filter.excludesSeen() && to > from;
        this.checkFilter = !this.filter.permitsAll();
        return checkSeen || checkFilter ? this : null;
    }

    @Override
    public boolean accept(int item) {
        if (checkSeen && Arrays.binarySearch(seen, seenFrom, seenTo, item) >= 0) {
            return false;
        }
        return !checkFilter || filter.permits(item);
    }

    /** Drops the references held since the last reset. */
    public void clear() {
        filter = ItemFilter.DEFAULT;
        seen = NO_ITEMS;
        seenFrom = 0;
        seenTo = 0;
        checkSeen = false;
        checkFilter = false;
    }
}
