package io.github.recsys.conversion.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a synthetic e-commerce session table with the schema of the original analysis and a
 * planted, realistic conversion signal, for demos, tests and benchmarks. Stateless; thread-safe.
 *
 * <p><b>Columns</b> ({@link #COLUMNS}): {@code User_ID} (numeric id, about 4 sessions per user),
 * {@code Session_ID} (numeric, unique except for duplicate rows), {@code Age} (18-75), {@code Gender}
 * (Female, Male, Other), {@code Device_Type} (Desktop, Mobile, Tablet), {@code Location} (5 cities),
 * {@code Time_Spent} (minutes, log-normal, 2 decimals), {@code Pages_Viewed} (grows with time),
 * {@code Recommended_Product_Category} (6 categories), {@code Recommendation_Engine} (New, Old; half
 * each, as in a randomized test) and {@code Converted} (numeric 0/1).
 *
 * <p><b>Planted signal.</b> {@code logit P(convert) = -4.4 + 0.8 ln(1+time) + 0.5 ln(1+pages)
 * - 0.25 mobile - 0.1 tablet - 0.0006 (age-38)^2 + category effect + new engine x (0.15 desktop,
 * 0.5 mobile, 0.2 tablet) + N(0, 0.6^2) noise}: the new engine helps everywhere and most on mobile;
 * the base rate is about 12%. See {@link #plantedLogit}.
 *
 * <p><b>Dirty rows</b>, as in real logs: exact duplicates of the previous row, zero or negative
 * {@code Time_Spent}, and missing Age, Gender or Location, at the config's rates.
 *
 * <p><b>Speed and determinism.</b> Values are written straight into primitive column arrays by
 * chunks of {@value #CHUNK} rows; chunk {@code c} draws from the {@code c}-th
 * {@link SplittableRandom#split() split} of the seed's generator, so the table is identical for
 * any thread count.
 *
 * <pre>{@code
 * Table sessions = SessionGenerator.generate(SessionGeneratorConfig.builder().rows(2_000_000).seed(7).build());
 * }</pre>
 */
public final class SessionGenerator {

    /** Rows per chunk; fixed, so results do not depend on the thread count. */
    public static final int CHUNK = 1 << 15;

    /** The column names, in order. */
    public static final List<String> COLUMNS = List.of("User_ID", "Session_ID", "Age", "Gender", "Device_Type", "Location",
            "Time_Spent", "Pages_Viewed", "Recommended_Product_Category", "Recommendation_Engine", "Converted");

    /** Gender levels (sorted). */
    public static final List<String> GENDERS = List.of("Female", "Male", "Other");
    /** Device levels (sorted). */
    public static final List<String> DEVICES = List.of("Desktop", "Mobile", "Tablet");
    /** Location levels (sorted). */
    public static final List<String> LOCATIONS = List.of("Chicago", "Houston", "Los Angeles", "New York", "Phoenix");
    /** Product category levels (sorted). */
    public static final List<String> CATEGORIES = List.of("Beauty", "Books", "Electronics", "Fashion", "Home", "Sports");
    /** Engine levels (sorted): code 0 = New, 1 = Old. */
    public static final List<String> ENGINES = List.of("New", "Old");

    private static final double[] GENDER_P = {0.48, 0.48, 0.04};
    private static final double[] DEVICE_P = {0.35, 0.55, 0.10};
    private static final double[] LOCATION_P = {0.18, 0.15, 0.22, 0.30, 0.15};
    private static final double[] CATEGORY_P = {0.14, 0.12, 0.22, 0.24, 0.16, 0.12};
    private static final double[] CATEGORY_EFFECT = {0.10, 0.05, -0.15, 0.10, 0.0, -0.05};
    private static final double[] DEVICE_EFFECT = {0.0, -0.25, -0.10};
    private static final double[] NEW_ENGINE_EFFECT = {0.15, 0.50, 0.20};
    private static final double[] DEVICE_TIME = {Math.log(7.0), Math.log(5.0), Math.log(6.0)};
    private static final double INTERCEPT = -4.4;
    private static final double NOISE_SD = 0.6;

    private SessionGenerator() {
    }

    /**
     * The planted logit of conversion without the noise term.
     *
     * @param age       years
     * @param device    code in {@link #DEVICES}
     * @param category  code in {@link #CATEGORIES}
     * @param newEngine true for the New engine
     * @param time      minutes (&gt;= 0)
     * @param pages     pages viewed (&gt;= 0)
     */
    public static double plantedLogit(double age, int device, int category, boolean newEngine, double time, double pages) {
        double a = age - 38;
        return INTERCEPT + 0.8 * Math.log1p(time) + 0.5 * Math.log1p(pages) + DEVICE_EFFECT[device] - 0.0006 * a * a
                + CATEGORY_EFFECT[category] + (newEngine ? NEW_ENGINE_EFFECT[device] : 0.0);
    }

    /** Generates the table described by {@code config}. */
    public static Table generate(SessionGeneratorConfig config) {
        int n = config.rows();
        Columns c = new Columns(n);
        int chunks = (n + CHUNK - 1) / CHUNK;
        long[] seeds = new long[chunks];
        SplittableRandom root = new SplittableRandom(config.seed());
        for (int k = 0; k < chunks; k++) {
            seeds[k] = root.split().nextLong();
        }
        int users = Math.max(1, n / 4);
        int threads = Math.min(config.threads(), Math.max(1, chunks));
        if (threads == 1) {
            for (int k = 0; k < chunks; k++) {
                fillChunk(c, k * CHUNK, Math.min(n, (k + 1) * CHUNK), seeds[k], users, config);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "session-generator");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<?>[] futures = new Future<?>[chunks];
                for (int k = 0; k < chunks; k++) {
                    final int chunk = k;
                    futures[k] = pool.submit(() -> fillChunk(c, chunk * CHUNK, Math.min(n, (chunk + 1) * CHUNK), seeds[chunk], users, config));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("session generation interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("session generation failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return Table.of(
                NumericColumn.wrap("User_ID", c.user),
                NumericColumn.wrap("Session_ID", c.session),
                NumericColumn.wrap("Age", c.age),
                CategoricalColumn.wrap("Gender", c.gender, GENDERS.toArray(new String[0])),
                CategoricalColumn.wrap("Device_Type", c.device, DEVICES.toArray(new String[0])),
                CategoricalColumn.wrap("Location", c.location, LOCATIONS.toArray(new String[0])),
                NumericColumn.wrap("Time_Spent", c.time),
                NumericColumn.wrap("Pages_Viewed", c.pages),
                CategoricalColumn.wrap("Recommended_Product_Category", c.category, CATEGORIES.toArray(new String[0])),
                CategoricalColumn.wrap("Recommendation_Engine", c.engine, ENGINES.toArray(new String[0])),
                NumericColumn.wrap("Converted", c.converted));
    }

    /** The output arrays; chunks write disjoint ranges. */
    private static final class Columns {
        final double[] user;
        final double[] session;
        final double[] age;
        final int[] gender;
        final int[] device;
        final int[] location;
        final double[] time;
        final double[] pages;
        final int[] category;
        final int[] engine;
        final double[] converted;

        Columns(int n) {
            user = new double[n];
            session = new double[n];
            age = new double[n];
            gender = new int[n];
            device = new int[n];
            location = new int[n];
            time = new double[n];
            pages = new double[n];
            category = new int[n];
            engine = new int[n];
            converted = new double[n];
        }
    }

    private static void fillChunk(Columns c, int from, int to, long seed, int users, SessionGeneratorConfig cfg) {
        SplittableRandom rng = new SplittableRandom(seed);
        double dupRate = cfg.duplicateRate();
        double badTime = cfg.invalidTimeRate();
        double missing = cfg.missingRate();
        for (int i = from; i < to; i++) {
            if (i > from && rng.nextDouble() < dupRate) {
                copyRow(c, i - 1, i);
                continue;
            }
            c.user[i] = 1 + rng.nextInt(users);
            c.session[i] = i + 1;
            double age = Math.rint(36 + 12 * rng.nextGaussian());
            age = Math.max(18, Math.min(75, age));
            int dev = pick(rng, DEVICE_P);
            int cat = pick(rng, CATEGORY_P);
            boolean newEngine = rng.nextBoolean();
            double time = Math.exp(DEVICE_TIME[dev] - 0.3 + 0.75 * rng.nextGaussian());
            time = Math.max(0.01, Math.rint(time * 100) / 100);
            double pages = 1 + poisson(rng, 0.9 * Math.pow(time, 0.8));
            double z = plantedLogit(age, dev, cat, newEngine, time, pages) + NOISE_SD * rng.nextGaussian();
            double p = 1 / (1 + Math.exp(-z));
            c.converted[i] = rng.nextDouble() < p ? 1 : 0;
            c.age[i] = rng.nextDouble() < missing ? Double.NaN : age;
            c.gender[i] = rng.nextDouble() < missing ? CategoricalColumn.MISSING : pick(rng, GENDER_P);
            c.location[i] = rng.nextDouble() < missing ? CategoricalColumn.MISSING : pick(rng, LOCATION_P);
            c.device[i] = dev;
            c.category[i] = cat;
            c.engine[i] = newEngine ? 0 : 1;
            c.pages[i] = pages;
            if (rng.nextDouble() < badTime) {
                time = rng.nextBoolean() ? 0.0 : -Math.rint(rng.nextDouble() * 500) / 100 - 0.01;
            }
            c.time[i] = time;
        }
    }

    private static void copyRow(Columns c, int src, int dst) {
        c.user[dst] = c.user[src];
        c.session[dst] = c.session[src];
        c.age[dst] = c.age[src];
        c.gender[dst] = c.gender[src];
        c.device[dst] = c.device[src];
        c.location[dst] = c.location[src];
        c.time[dst] = c.time[src];
        c.pages[dst] = c.pages[src];
        c.category[dst] = c.category[src];
        c.engine[dst] = c.engine[src];
        c.converted[dst] = c.converted[src];
    }

    private static int pick(SplittableRandom rng, double[] p) {
        double u = rng.nextDouble();
        int last = p.length - 1;
        for (int k = 0; k < last; k++) {
            u -= p[k];
            if (u < 0) {
                return k;
            }
        }
        return last;
    }

    /** Poisson draw: multiplication method for small means, rounded normal approximation above 30. */
    private static int poisson(SplittableRandom rng, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double prod = rng.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
