package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.TrainingSummary;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code serve-bench}: serving latency on a synthetic model. Factors are random (Gaussian, from
 * {@code --seed}), not trained: top-N and fold-in cost does not depend on the values. Each user also
 * gets {@code --history} random seen items, so the exclude-seen filter is exercised.
 *
 * <p>Measures, one request at a time in the calling thread after {@code --warmup} untimed requests:
 * single-user top-n ({@code p50Micros}, {@code p99Micros}, {@code meanMicros}); fold-in of a
 * {@code --fold-in-items}-item user, the k x k solve only ({@code foldInP50Micros}, {@code foldInP99Micros})
 * and fold-in plus top-n ({@code recommendForP50Micros}, {@code recommendForP99Micros}); then
 * {@code recommendAll} over every user on {@code --threads} threads ({@code recommendAllUsersPerSecond}).
 * Latencies are wall-clock; {@code cpuP50Micros}, {@code cpuP99Micros}, {@code foldInCpuP50Micros} and
 * {@code foldInCpuP99Micros} give the same percentiles of the thread's CPU time per request, which
 * excludes time the thread spent descheduled (on a busy machine the wall-clock tail is mostly that).
 * Prints one JSON object.
 *
 * <pre>
 * serve-bench [--items 100000] [--users 50000] [--factors 64] [--n 10] [--requests 20000]
 *             [--warmup 5000] [--fold-in-items 50] [--history 20] [--threads N] [--seed 42]
 * </pre>
 */
public final class ServeBenchCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        int items = args.getInt("items", 100_000);
        int users = args.getInt("users", 50_000);
        int k = args.getInt("factors", 64);
        int n = args.getInt("n", 10);
        int requests = args.getInt("requests", 20_000);
        int warmup = args.getInt("warmup", 5_000);
        int foldInItems = args.getInt("fold-in-items", 50);
        int history = args.getInt("history", 20);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        long seed = args.getLong("seed", 42);
        args.finish();
        if (items <= 0 || users <= 0 || k <= 0 || n < 0 || requests <= 0 || warmup < 0 || threads <= 0) {
            throw new UsageException("--items, --users, --factors, --requests and --threads must be > 0; --n and --warmup >= 0");
        }
        if (foldInItems < 0 || foldInItems > items || history < 0 || history > items) {
            throw new UsageException("--fold-in-items and --history must be in [0, items]");
        }

        long t0 = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        AlsModel model = randomModel(users, items, k, root.split());
        InteractionMatrix train = randomHistory(users, items, history, root.split());
        AlsRecommender rec = new AlsRecommender(model, train, threads);
        err.printf(Locale.ROOT, "built %d users x %d items x %d factors (kernel %s) in %.2f s%n", users, items, k,
                rec.kernelName(), (System.nanoTime() - t0) / 1e9);

        SplittableRandom rnd = root.split();
        long sink = 0;
        // warm-up: all three paths
        for (int r = 0; r < warmup; r++) {
            sink += rec.recommend(rnd.nextInt(users), n, ItemFilter.DEFAULT).size();
            if (r % 4 == 0) {
                int[] h = randomItems(rnd, items, foldInItems);
                sink += rec.foldIn(h, null).length;
                sink += rec.recommendFor(h, null, n, null).size();
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
        long[] top = new long[requests];
        long[] topCpu = new long[requests];
        for (int r = 0; r < requests; r++) {
            int user = rnd.nextInt(users);
            long c = cpuTime ? cpu.getCurrentThreadCpuTime() : 0;
            long s = System.nanoTime();
            RecommendationList l = rec.recommend(user, n, ItemFilter.DEFAULT);
            top[r] = System.nanoTime() - s;
            topCpu[r] = cpuTime ? cpu.getCurrentThreadCpuTime() - c : 0;
            sink += l.size();
        }
        long[] foldCpu = new long[requests];
        long[] fold = new long[requests];
        long[] foldTop = new long[requests];
        double[] weights = new double[foldInItems];
        for (int r = 0; r < requests; r++) {
            int[] h = randomItems(rnd, items, foldInItems);
            for (int j = 0; j < weights.length; j++) {
                weights[j] = 1 + rnd.nextInt(5);
            }
            long c = cpuTime ? cpu.getCurrentThreadCpuTime() : 0;
            long s = System.nanoTime();
            float[] v = rec.foldIn(h, weights);
            fold[r] = System.nanoTime() - s;
            foldCpu[r] = cpuTime ? cpu.getCurrentThreadCpuTime() - c : 0;
            s = System.nanoTime();
            RecommendationList l = rec.recommendFor(h, weights, n, null);
            foldTop[r] = System.nanoTime() - s;
            sink += v.length + l.size();
        }
        int[] everyone = new int[users];
        for (int u = 0; u < users; u++) {
            everyone[u] = u;
        }
        long s = System.nanoTime();
        RecommendationList[] all = rec.recommendAll(everyone, n, ItemFilter.DEFAULT);
        double allSeconds = (System.nanoTime() - s) / 1e9;
        sink += all.length;

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("users", users);
        json.put("factors", k);
        json.put("n", n);
        json.put("requests", requests);
        json.put("kernel", rec.kernelName());
        json.put("factorsSource", "random Gaussian, seed " + seed);
        json.put("p50Micros", percentile(top, 0.50));
        json.put("p99Micros", percentile(top, 0.99));
        json.put("meanMicros", mean(top));
        if (cpuTime) {
            json.put("cpuP50Micros", percentile(topCpu, 0.50));
            json.put("cpuP99Micros", percentile(topCpu, 0.99));
        }
        json.put("foldInItems", foldInItems);
        json.put("foldInP50Micros", percentile(fold, 0.50));
        json.put("foldInP99Micros", percentile(fold, 0.99));
        if (cpuTime) {
            json.put("foldInCpuP50Micros", percentile(foldCpu, 0.50));
            json.put("foldInCpuP99Micros", percentile(foldCpu, 0.99));
        }
        json.put("recommendForP50Micros", percentile(foldTop, 0.50));
        json.put("recommendForP99Micros", percentile(foldTop, 0.99));
        json.put("recommendAllThreads", threads);
        json.put("recommendAllSeconds", allSeconds);
        json.put("recommendAllUsersPerSecond", users / allSeconds);
        out.println(new ObjectMapper().writeValueAsString(json));
        err.println("checksum " + sink);
        return 0;
    }

    static AlsModel randomModel(int users, int items, int k, SplittableRandom rnd) {
        float scale = (float) (1.0 / Math.sqrt(k));
        float[] x = new float[Math.multiplyExact(users, k)];
        float[] y = new float[Math.multiplyExact(items, k)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rnd.nextGaussian() * scale;
        }
        AlsConfig config = AlsConfig.builder().factors(k).regularization(0.1).alpha(1).threads(1).build();
        return AlsModel.of(x, y, k, IdIndex.identity(users), IdIndex.identity(items), config,
                new TrainingSummary(0, List.of(), Double.NaN, "none", TrainingSummary.currentLibraryVersion()));
    }

    static InteractionMatrix randomHistory(int users, int items, int perUser, SplittableRandom rnd) {
        int nnz = Math.multiplyExact(users, perUser);
        int[] us = new int[nnz];
        int[] is = new int[nnz];
        float[] vs = new float[nnz];
        int t = 0;
        for (int u = 0; u < users; u++) {
            for (int j = 0; j < perUser; j++) {
                us[t] = u;
                is[t] = rnd.nextInt(items); // duplicates are summed by the matrix
                vs[t] = 1f;
                t++;
            }
        }
        return InteractionMatrix.fromTriples(users, items, us, is, vs, nnz);
    }

    static int[] randomItems(SplittableRandom rnd, int items, int count) {
        int[] h = new int[count];
        for (int j = 0; j < count; j++) {
            h[j] = rnd.nextInt(items);
        }
        return h;
    }

    static double percentile(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1));
        return Math.round(s[idx] / 10.0) / 100.0;
    }

    static double mean(long[] nanos) {
        double sum = 0;
        for (long v : nanos) {
            sum += v;
        }
        return Math.round(sum / nanos.length / 10.0) / 100.0;
    }
}
