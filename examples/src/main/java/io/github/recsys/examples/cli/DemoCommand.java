package io.github.recsys.examples.cli;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.als.Explanation;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.Confidence;
import io.github.recsys.data.EventAggregator;
import io.github.recsys.data.EventWeights;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.examples.demo.ConversionDemo;
import io.github.recsys.examples.demo.ProductEventLog;
import io.github.recsys.popularity.FallbackRecommender;
import io.github.recsys.popularity.PopularityModel;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The README's main demo: a generated product-feature event log, implicit ALS, top-5 features for a
 * few users (with an explanation and a cold-start user), then the conversion analytics on generated
 * sessions. Needs no files. Prints a human-readable report with timings.
 */
public final class DemoCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        int users = args.getInt("users", 20_000);
        long seed = args.getLong("seed", 42L);
        int sessions = args.getInt("sessions", 200_000);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        args.finish();

        out.println("== recsys demo: which product features should each user try next? ==");
        long t0 = System.nanoTime();
        ProductEventLog log = ProductEventLog.generate(users, seed);
        EventWeights weights = EventWeights.builder().weight("click", 1).weight("use", 3).build();
        EventAggregator agg = EventAggregator.withStringIds(weights);
        for (int i = 0; i < log.size(); i++) {
            agg.add(log.user(i), log.feature(i), log.event(i), log.count(i));
        }
        InteractionMatrix raw = agg.build();
        double genSeconds = seconds(t0);
        out.printf(Locale.ROOT, "event log: %,d events (click=1, use=3) -> %,d users x %d features, %,d nonzeros  [%.2f s]%n",
                log.size(), raw.rows(), raw.cols(), raw.nnz(), genSeconds);

        InteractionMatrix train = Confidence.log(1.0).apply(raw);
        AlsConfig config = AlsConfig.builder().factors(8).regularization(0.1).alpha(2.0).iterations(10)
                .threads(threads).seed(seed).build();
        long t1 = System.nanoTime();
        AlsModel model = new AlsTrainer(config).fit(train);
        double fitSeconds = seconds(t1);
        out.printf(Locale.ROOT, "ALS: factors=%d, lambda=%.2f, alpha=%.1f, log confidence, %d iterations, %d threads  [%.3f s, %.4f s/iteration]%n",
                config.factors(), config.regularization(), config.alpha(), config.iterations(), threads,
                fitSeconds, model.summary().medianSecondsPerIteration());

        AlsRecommender als = new AlsRecommender(model, train);
        PopularityModel popularity = PopularityModel.distinctUsers(train);
        FallbackRecommender service = FallbackRecommender.builder(als, popularity, train).minInteractions(2).build();
        IdIndex userIds = train.userIndex();
        IdIndex features = train.itemIndex();

        out.println();
        out.println("Top-5 features per user (features the user already uses are excluded):");
        String[] shown = {"u00001", "u00002", "u00003", "u00004", "u00005"};
        for (String id : shown) {
            int u = userIds.indexOf(id);
            int persona = log.persona(Integer.parseInt(id.substring(1)) - 1);
            long q0 = System.nanoTime();
            RecommendationList list = service.recommend(id, 5, ItemFilter.DEFAULT);
            double micros = (System.nanoTime() - q0) / 1e3;
            out.printf(Locale.ROOT, "  %s (%s; uses %s) -> [%s] via %s  [%.0f us]%n", id, ProductEventLog.PERSONAS[persona],
                    u >= 0 ? names(features, train.rowItems(u)) : "nothing", names(features, list.items()), list.source(), micros);
            if (u >= 0 && list.size() > 0 && list.source().equals(AlsRecommender.SOURCE)) {
                Explanation why = als.explain(u, list.item(0));
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < Math.min(3, why.size()); k++) {
                    sb.append(k == 0 ? "" : ", ").append(features.idAt(why.item(k)))
                            .append(String.format(Locale.ROOT, " %+.3f", why.contribution(k)));
                }
                out.printf(Locale.ROOT, "      why %s: %s%n", features.idAt(list.item(0)), sb);
            }
        }
        RecommendationList cold = service.recommend("new-user-123", 5, ItemFilter.DEFAULT);
        out.printf(Locale.ROOT, "  new-user-123 (never seen) -> [%s] via %s%n", names(features, cold.items()), cold.source());
        int billPay = features.indexOf("Bill Pay");
        if (billPay >= 0) {
            out.printf(Locale.ROOT, "  features similar to Bill Pay: [%s]%n", names(features, als.similarItems(billPay, 4).items()));
            float[] unused = als.foldIn(new int[] {billPay}, new double[] {3.0});
            RecommendationList folded = als.recommendFor(new int[] {billPay}, new double[] {3.0}, 5, ItemFilter.DEFAULT);
            out.printf(Locale.ROOT, "  fold-in of a visitor who just used Bill Pay -> [%s] (vector of %d factors, no retraining)%n",
                    names(features, folded.items()), unused.length);
        }

        out.println();
        ConversionDemo.run(sessions, seed, threads, out);
        return 0;
    }

    private static String names(IdIndex index, int[] items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(index.idAt(items[i]));
        }
        return sb.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
