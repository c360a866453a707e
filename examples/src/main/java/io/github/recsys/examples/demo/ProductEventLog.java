package io.github.recsys.examples.demo;

import java.util.SplittableRandom;

/**
 * A seeded synthetic event log shaped like a payments app: users x product features
 * ("Bill Pay", "One Touch", "PayPal.Me", ...), with {@code click} and {@code use} events and counts.
 *
 * <p>Each user belongs to one of a few personas (bill payer, peer-to-peer sender, shopper, saver,
 * merchant); a persona prefers some features, so co-usage carries real signal for ALS. Counts are
 * geometric; users have a power-law number of distinct features. Same seed, same log.
 */
public final class ProductEventLog {

    /** The product features (items). */
    public static final String[] FEATURES = {
        "Bill Pay", "One Touch", "PayPal.Me", "Send Money", "Request Money", "PayPal Credit", "Pay in 4",
        "Crypto", "Savings", "Direct Deposit", "Cash Back Card", "Honey Deals", "Donate", "QR Code Pay",
        "Invoicing", "Currency Converter", "Package Tracking", "Goals", "Subscriptions", "Venmo Link",
        "Checkout Buttons", "Payouts", "Gift Cards", "Split a Bill"
    };

    /** Persona names, aligned with {@link #PERSONA_FEATURES}. */
    public static final String[] PERSONAS = {"bill payer", "p2p sender", "shopper", "saver", "merchant"};

    /** Indices into {@link #FEATURES} each persona favours. */
    static final int[][] PERSONA_FEATURES = {
        {0, 18, 9, 5, 16},        // bill payer: Bill Pay, Subscriptions, Direct Deposit, Credit, Package Tracking
        {3, 4, 2, 23, 19, 12},    // p2p: Send, Request, PayPal.Me, Split a Bill, Venmo Link, Donate
        {1, 6, 11, 10, 16, 22},   // shopper: One Touch, Pay in 4, Honey, Cash Back, Tracking, Gift Cards
        {8, 17, 7, 9, 15},        // saver: Savings, Goals, Crypto, Direct Deposit, Currency Converter
        {14, 20, 21, 13, 15}      // merchant: Invoicing, Checkout Buttons, Payouts, QR Code Pay, Currency
    };

    private final String[] users;
    private final String[] items;
    private final String[] events;
    private final int[] counts;
    private final long[] timestamps;
    private final int[] persona;

    private ProductEventLog(String[] users, String[] items, String[] events, int[] counts, long[] timestamps, int[] persona) {
        this.users = users;
        this.items = items;
        this.events = events;
        this.counts = counts;
        this.timestamps = timestamps;
        this.persona = persona;
    }

    /**
     * Generates a log.
     *
     * @param userCount number of users (ids "u00001", ...)
     * @param seed      random seed
     */
    public static ProductEventLog generate(int userCount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cap = userCount * 12;
        String[] us = new String[cap];
        String[] it = new String[cap];
        String[] ev = new String[cap];
        int[] cn = new int[cap];
        long[] ts = new long[cap];
        int[] persona = new int[userCount];
        int n = 0;
        long start = 1_700_000_000L;
        for (int u = 0; u < userCount; u++) {
            String user = String.format("u%05d", u + 1);
            int p = rnd.nextInt(PERSONAS.length);
            persona[u] = p;
            // power-law number of distinct features: 1 + floor(Pareto), capped
            int distinct = Math.min(10, 1 + (int) (1.5 / Math.pow(1.0 - rnd.nextDouble(), 0.8)));
            boolean[] used = new boolean[FEATURES.length];
            for (int d = 0; d < distinct; d++) {
                int f;
                if (rnd.nextDouble() < 0.8) {
                    int[] fav = PERSONA_FEATURES[p];
                    f = fav[Math.min(fav.length - 1, (int) (fav.length * Math.pow(rnd.nextDouble(), 1.6)))];
                } else {
                    f = rnd.nextInt(FEATURES.length);
                }
                if (used[f]) {
                    continue;
                }
                used[f] = true;
                int clicks = 1 + geometric(rnd, 0.45);
                if (n + 2 > cap) {
                    break;
                }
                us[n] = user; it[n] = FEATURES[f]; ev[n] = "click"; cn[n] = clicks;
                ts[n] = start + rnd.nextInt(90 * 86_400); n++;
                if (rnd.nextDouble() < 0.6) {
                    us[n] = user; it[n] = FEATURES[f]; ev[n] = "use"; cn[n] = 1 + geometric(rnd, 0.35);
                    ts[n] = start + rnd.nextInt(90 * 86_400); n++;
                }
            }
        }
        return new ProductEventLog(java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(it, n),
                java.util.Arrays.copyOf(ev, n), java.util.Arrays.copyOf(cn, n), java.util.Arrays.copyOf(ts, n), persona);
    }

    private static int geometric(SplittableRandom rnd, double stop) {
        int k = 0;
        while (rnd.nextDouble() > stop && k < 50) {
            k++;
        }
        return k;
    }

    /** Number of events. */
    public int size() {
        return users.length;
    }

    /** User id of event {@code i}. */
    public String user(int i) {
        return users[i];
    }

    /** Feature (item) of event {@code i}. */
    public String feature(int i) {
        return items[i];
    }

    /** Event type of event {@code i}: "click" or "use". */
    public String event(int i) {
        return events[i];
    }

    /** Count of event {@code i} (&gt;= 1). */
    public int count(int i) {
        return counts[i];
    }

    /** Unix time (seconds) of event {@code i}. */
    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Persona index of user number {@code u} (0-based, in generation order). */
    public int persona(int u) {
        return persona[u];
    }
}
