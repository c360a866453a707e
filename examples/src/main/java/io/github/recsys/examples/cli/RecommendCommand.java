package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.AlsSetting;
import io.github.recsys.io.csv.Delimiter;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.popularity.FallbackRecommender;
import io.github.recsys.popularity.PopularityModel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code recommend}: trains ALS on a file and prints, for each requested user, one JSON line in the
 * service's shape: {@code {"user_id": "12345", "recommended_features": ["...", ...], "source": "als"}}.
 * Users unknown to the file, or with fewer than {@code --fallback-min-interactions} distinct items,
 * get the most popular items they have not seen ({@code "source": "popularity"}); with
 * {@code --blend W} (&lt; 1), personalized users get a blend of normalized ALS and popularity scores
 * ({@code "source": "blend"}). Items are printed as their external ids, best first, the user's
 * training items excluded.
 *
 * <pre>
 * recommend --train FILE --users u1,u2,... [--n 10] [--fallback-min-interactions 1] [--blend 1.0]
 *           [--popularity count|users] [--format auto|tsv|csv|dat] [--lenient]
 *           [--factors 64] [--regularization 0.01] [--regularization-exponent 0 | --scale-regularization] [--alpha 1]
 *           [--confidence linear|log|binary|bm25] [--eps 1] [--iterations 15]
 *           [--solver cg|cholesky] [--cg-steps 3] [--threads N] [--seed 42]
 * </pre>
 */
public final class RecommendCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        String trainFile = args.require("train");
        String usersArg = args.require("users");
        int n = args.getInt("n", 10);
        int minInteractions = args.getInt("fallback-min-interactions", 1);
        double blend = args.getDouble("blend", 1.0);
        String popularityKind = args.get("popularity", "count");
        String format = args.get("format", "auto");
        boolean lenient = args.flag("lenient");
        EvalSupport.AlsOptions als = new EvalSupport.AlsOptions(args);
        args.finish();
        if (n < 0) {
            throw new UsageException("--n must be >= 0, was " + n);
        }
        if (minInteractions < 0) {
            throw new UsageException("--fallback-min-interactions must be >= 0, was " + minInteractions);
        }
        if (!(blend >= 0 && blend <= 1)) {
            throw new UsageException("--blend must be in [0, 1], was " + blend);
        }
        if (!popularityKind.equals("count") && !popularityKind.equals("users")) {
            throw new UsageException("--popularity expects count or users, was '" + popularityKind + "'");
        }
        List<String> users = new ArrayList<>();
        for (String u : usersArg.split(",")) {
            if (!u.isBlank()) {
                users.add(u.trim());
            }
        }
        if (users.isEmpty()) {
            throw new UsageException("--users needs at least one user id");
        }
        Delimiter delimiter;
        try {
            delimiter = Delimiter.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        InteractionReader reader = InteractionReader.builder().delimiter(delimiter).strict(!lenient).build();
        InteractionLog log = EvalSupport.read(reader, trainFile, err);
        InteractionMatrix train = log.toMatrix();

        AlsSetting setting = als.setting;
        EvalSupport.Fitted fitted = EvalSupport.fit(setting, als.base, train);
        err.printf(Locale.ROOT, "trained ALS (factors %d, %d iterations) in %.2f s%n", setting.factors(),
                setting.iterations(), fitted.fitSeconds());
        PopularityModel popularity = popularityKind.equals("users")
                ? PopularityModel.distinctUsers(train) : PopularityModel.count(train);
        FallbackRecommender rec = FallbackRecommender.builder(fitted.recommender(), popularity, train)
                .minInteractions(minInteractions).blendWeight(blend).build();

        IdIndex items = train.itemIndex();
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        for (String user : users) {
            RecommendationList l = rec.recommend(user, n, null);
            List<String> ids = new ArrayList<>(l.size());
            for (int r = 0; r < l.size(); r++) {
                ids.add(items.idAt(l.item(r)));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("user_id", user);
            line.put("recommended_features", ids);
            line.put("source", l.source());
            out.println(json.writeValueAsString(line));
        }
        err.printf(Locale.ROOT, "answered %d users in %.3f ms%n", users.size(), (System.nanoTime() - t0) / 1e6);
        return 0;
    }
}
