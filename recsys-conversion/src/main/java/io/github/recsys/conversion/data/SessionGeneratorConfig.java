package io.github.recsys.conversion.data;

/**
 * Settings of {@link SessionGenerator}. Validated, immutable value.
 *
 * @param rows            number of sessions to generate, &gt;= 0
 * @param seed            random seed; same seed (and rates) gives the same table whatever {@code threads}
 * @param threads         worker threads, &gt;= 1 (does not change the result)
 * @param duplicateRate   share of rows that repeat the previous row exactly, in [0, 0.5]
 * @param invalidTimeRate share of rows whose Time_Spent is zero or negative, in [0, 0.5]
 * @param missingRate     share of missing values in each of Age, Gender and Location, in [0, 0.5]
 */
public record SessionGeneratorConfig(int rows, long seed, int threads, double duplicateRate, double invalidTimeRate,
                                     double missingRate) {

    /** Checks every field; messages name the field and the value. */
    public SessionGeneratorConfig {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        checkRate("duplicateRate", duplicateRate);
        checkRate("invalidTimeRate", invalidTimeRate);
        checkRate("missingRate", missingRate);
    }

    private static void checkRate(String name, double v) {
        if (!(v >= 0 && v <= 0.5)) {
            throw new IllegalArgumentException(name + " must be in [0, 0.5], was " + v);
        }
    }

    /** A builder with defaults: 100,000 rows, seed 42, all processors, 1% duplicates, 1% invalid times, 0.5% missing. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a {@link SessionGeneratorConfig}; not thread-safe. */
    public static final class Builder {
        private int rows = 100_000;
        private long seed = 42;
        private int threads = Runtime.getRuntime().availableProcessors();
        private double duplicateRate = 0.01;
        private double invalidTimeRate = 0.01;
        private double missingRate = 0.005;

        private Builder() {
        }

        /** Number of sessions (default 100,000). */
        public Builder rows(int rows) {
            this.rows = rows;
            return this;
        }

        /** Random seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Worker threads (default: available processors). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Share of exact duplicate rows (default 0.01). */
        public Builder duplicateRate(double rate) {
            this.duplicateRate = rate;
            return this;
        }

        /** Share of rows with Time_Spent &lt;= 0 (default 0.01). */
        public Builder invalidTimeRate(double rate) {
            this.invalidTimeRate = rate;
            return this;
        }

        /** Share of missing values in Age, Gender and Location (default 0.005). */
        public Builder missingRate(double rate) {
            this.missingRate = rate;
            return this;
        }

        /** No dirty rows at all (all three rates 0). */
        public Builder clean() {
            return duplicateRate(0).invalidTimeRate(0).missingRate(0);
        }

        /** The validated config. */
        public SessionGeneratorConfig build() {
            return new SessionGeneratorConfig(rows, seed, threads, duplicateRate, invalidTimeRate, missingRate);
        }
    }
}
