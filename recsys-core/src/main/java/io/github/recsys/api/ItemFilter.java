package io.github.recsys.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Which items a recommendation may contain. Immutable; safe to share between threads.
 *
 * <p>An item {@code i} is a candidate when all of these hold:
 * <ul>
 *   <li>when {@link #excludesSeen()}, the user has not interacted with {@code i} in the training data
 *       (the default, {@link #DEFAULT});</li>
 *   <li>{@code i} is not in the deny list;</li>
 *   <li>when an allow list (candidate set) is given, {@code i} is in it;</li>
 *   <li>when a predicate is given, it returns true for {@code i}.</li>
 * </ul>
 * Item indices outside the model's catalogue in a deny or allow list are ignored.
 */
public final class ItemFilter {

    /** Exclude the user's seen items, nothing else: the default. */
    public static final ItemFilter DEFAULT = new ItemFilter(true, new int[0], null, null);
    /** Every item is a candidate, seen ones included. */
    public static final ItemFilter NONE = new ItemFilter(false, new int[0], null, null);

    private final boolean excludeSeen;
    private final int[] denied;   // sorted, distinct
    private final int[] allowed;  // sorted, distinct; null = all items
    private final IntPredicate predicate; // null = all

    private ItemFilter(boolean excludeSeen, int[] denied, int[] allowed, IntPredicate predicate) {
        this.excludeSeen = excludeSeen;
        this.denied = denied;
        this.allowed = allowed;
        this.predicate = predicate;
    }

    /** Same filter, excluding (true) or keeping (false) the user's seen items. */
    public ItemFilter excludeSeen(boolean exclude) {
        return new ItemFilter(exclude, denied, allowed, predicate);
    }

    /** Same filter with these item indices added to the deny list. */
    public ItemFilter deny(int... items) {
        int[] merged = Arrays.copyOf(denied, denied.length + items.length);
        System.arraycopy(items, 0, merged, denied.length, items.length);
        return new ItemFilter(excludeSeen, sortedDistinct(merged), allowed, predicate);
    }

    /** Same filter restricted to this candidate set (replacing any earlier allow list). */
    public ItemFilter allowOnly(int... items) {
        return new ItemFilter(excludeSeen, denied, sortedDistinct(items.clone()), predicate);
    }

    /** Same filter with a predicate on item index, combined with AND with any earlier predicate. */
    public ItemFilter where(IntPredicate itemPredicate) {
        Objects.requireNonNull(itemPredicate, "itemPredicate");
        IntPredicate p = predicate == null ? itemPredicate : predicate.and(itemPredicate);
        return new ItemFilter(excludeSeen, denied, allowed, p);
    }

    /** True when the user's seen items are excluded. */
    public boolean excludesSeen() {
        return excludeSeen;
    }

    /** True when an allow list restricts the candidates. */
    public boolean hasAllowList() {
        return allowed != null;
    }

    /** The allow list, sorted and distinct (a copy), or null when every item is allowed. */
    public int[] allowList() {
        return allowed == null ? null : allowed.clone();
    }

    /** The deny list, sorted and distinct (a copy). */
    public int[] denyList() {
        return denied.clone();
    }

    /**
     * True when {@code item} passes the deny list, allow list and predicate (seen-ness is not checked
     * here: it needs the user's history, which the recommender holds).
     */
    public boolean permits(int item) {
        if (denied.length > 0 && Arrays.binarySearch(denied, item) >= 0) {
            return false;
        }
        if (allowed != null && Arrays.binarySearch(allowed, item) < 0) {
            return false;
        }
        return predicate == null || predicate.test(item);
    }

    /** True when {@link #permits(int)} is true for every item (no deny list, allow list or predicate). */
    public boolean permitsAll() {
        return denied.length == 0 && allowed == null && predicate == null;
    }

    private static int[] sortedDistinct(int[] a) {
        Arrays.sort(a);
        int w = 0;
        for (int i = 0; i < a.length; i++) {
            if (w == 0 || a[w - 1] != a[i]) {
                a[w++] = a[i];
            }
        }
        return Arrays.copyOf(a, w);
    }

    @Override
    public String toString() {
        return "ItemFilter[excludeSeen=" + excludeSeen + ", denied=" + denied.length
                + ", allowed=" + (allowed == null ? "all" : Integer.toString(allowed.length))
                + ", predicate=" + (predicate != null) + "]";
    }
}
