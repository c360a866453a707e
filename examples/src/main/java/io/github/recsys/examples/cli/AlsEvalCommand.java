package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.api.Recommender;
import io.github.recsys.popularity.PopularityModel;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.EvaluationResult;
import io.github.recsys.eval.Evaluator;
import io.github.recsys.eval.Split;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code als-eval}: trains implicit ALS on a training set and scores the top-k lists on a test set.
 *
 * <pre>
 * als-eval (--train FILE --test FILE | --input FILE [--test-fraction 0.2] [--seed 42])
 *          [--format auto|tsv|csv|dat] [--lenient] [--header true|false] [--split per-user|temporal|latest:K|random:K]
 *          [--user-column C] [--item-column C] [--value-column C] [--timestamp-column C] (C: 0-based position or header name)
 *          [--confidence linear|log|binary|bm25] [--eps 1] [--factors 64] [--regularization 0.01]
 *          [--regularization-exponent 0 | --scale-regularization] [--alpha 1] [--iterations 15] [--cg-steps 3] [--solver cg|cholesky]
 *          [--threads N] [--seed 42] [--k 10] [--no-auc] [--recommendations-out FILE] [--model als|popularity]
 * </pre>
 * With {@code --input}, each user's items are split per user by default ({@code Splits.perUserHoldout}: of a
 * user's n distinct items, min(round(f*n), n-1) go to test); {@code --split temporal} holds out the latest
 * fraction f of all entries, {@code --split latest:K} / {@code random:K} the latest / K random items per user. Prints one JSON object: data shape, settings,
 * {@code fitSeconds}, {@code secondsPerIteration} (median), the metrics at k (definitions in
 * {@code io.github.recsys.eval.RankingMetrics}) and {@code factorsSha256}. {@code --recommendations-out}
 * writes one line per evaluated test user: {@code user<TAB>item1,item2,...} (external ids, best first,
 * the user's train items excluded). {@code --model popularity} scores the most-popular baseline (items
 * ranked by distinct train users) instead of ALS, with the same protocol.
 */
public final class AlsEvalCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        EvalSupport.DataOptions data = new EvalSupport.DataOptions(args, true);
        EvalSupport.AlsOptions als = new EvalSupport.AlsOptions(args);
        int k = args.getInt("k", 10);
        boolean noAuc = args.flag("no-auc");
        String recsOut = args.get("recommendations-out", null);
        String model = args.get("model", "als").toLowerCase(Locale.ROOT);
        args.finish();
        if (!model.equals("als") && !model.equals("popularity")) {
            throw new UsageException("--model expects als or popularity, was '" + model + "'");
        }
        if (k < 1) {
            throw new UsageException("--k must be >= 1, was " + k);
        }

        Split split = data.load(err);
        InteractionMatrix train = split.train().toMatrix();
        InteractionMatrix test = split.test().toMatrix();
        err.printf(Locale.ROOT, "train %d x %d, nnz %d; test nnz %d; fitting %s%n", train.rows(), train.cols(),
                train.nnz(), test.nnz(), model.equals("als") ? als.setting : "popularity (distinct train users per item)");
        EvalSupport.Fitted fitted = null;
        Recommender recommender;
        if (model.equals("als")) {
            fitted = EvalSupport.fit(als.setting, als.base, train);
            recommender = fitted.recommender();
            err.printf(Locale.ROOT, "fit in %.2f s%n", fitted.fitSeconds());
        } else {
            recommender = PopularityModel.distinctUsers(train);
        }
        Evaluator evaluator = Evaluator.builder().k(k).threads(als.base.threads()).auc(!noAuc).build();
        long e0 = System.nanoTime();
        EvaluationResult r = fitted != null
                ? evaluator.evaluate(recommender, train, test, fitted.model().itemFactors(), fitted.model().factors())
                : evaluator.evaluate(recommender, train, test);
        double evalSeconds = (System.nanoTime() - e0) / 1e9;

        if (recsOut != null) {
            int[] users = r.users();
            RecommendationList[] lists = recommender.recommendAll(users, k, ItemFilter.DEFAULT);
            IdIndex uid = train.userIndex();
            IdIndex iid = train.itemIndex();
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(recsOut), StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < users.length; j++) {
                    sb.setLength(0);
                    sb.append(uid.idAt(users[j])).append('\t');
                    for (int p = 0; p < lists[j].size(); p++) {
                        if (p > 0) {
                            sb.append(',');
                        }
                        sb.append(iid.idAt(lists[j].item(p)));
                    }
                    w.append(sb).append('\n');
                }
            }
            err.println("wrote " + users.length + " recommendation lists to " + recsOut);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", train.rows());
        json.put("items", train.cols());
        json.put("nnz", train.nnz());
        json.put("testNnz", test.nnz());
        json.put("model", model);
        if (fitted != null) {
            json.putAll(EvalSupport.settingJson(als.setting));
        }
        json.put("solver", als.base.solver().name().toLowerCase(Locale.ROOT));
        json.put("cgSteps", als.base.cgSteps());
        json.put("threads", als.base.threads());
        json.put("seed", data.seed);
        if (data.input != null) {
            json.put("testFraction", data.testFraction);
        }
        json.put("fitSeconds", fitted != null ? fitted.fitSeconds() : null);
        json.put("secondsPerIteration", fitted != null ? fitted.model().summary().medianSecondsPerIteration() : null);
        json.put("evalSeconds", evalSeconds);
        EvalSupport.putMetrics(json, r);
        json.put("factorsSha256", fitted != null ? fitted.model().factorsSha256() : null);
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }
}
