package io.github.recsys.examples.cli;

import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.AlsSetting;
import io.github.recsys.io.csv.Delimiter;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.popularity.FallbackRecommender;
import io.github.recsys.popularity.PopularityModel;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code recommend} and {@code serve} answer from: ALS trained on an event file, wrapped in a
 * {@link FallbackRecommender} (popularity for unknown and thin users, optional blend). Immutable after
 * {@link #build}; {@link #answer} is thread-safe.
 */
final class ServingModel {

    /**
     * The options both commands share: {@code --train FILE [--fallback-min-interactions 1] [--blend 1.0]
     * [--popularity count|users] [--format auto|tsv|csv|dat] [--lenient]} and the ALS options of
     * {@link EvalSupport.AlsOptions}. Call before {@link Args#finish()}.
     */
    static final class Options {
        final String trainFile;
        final int minInteractions;
        final double blend;
        final String popularityKind;
        final Delimiter delimiter;
        final boolean lenient;
        final EvalSupport.AlsOptions als;

        Options(Args args) {
            trainFile = args.require("train");
            minInteractions = args.getInt("fallback-min-interactions", 1);
            blend = args.getDouble("blend", 1.0);
            popularityKind = args.get("popularity", "count");
            String format = args.get("format", "auto");
            lenient = args.flag("lenient");
            als = new EvalSupport.AlsOptions(args);
            if (minInteractions < 0) {
                throw new UsageException("--fallback-min-interactions must be >= 0, was " + minInteractions);
            }
            if (!(blend >= 0 && blend <= 1)) {
                throw new UsageException("--blend must be in [0, 1], was " + blend);
            }
            if (!popularityKind.equals("count") && !popularityKind.equals("users")) {
                throw new UsageException("--popularity expects count or users, was '" + popularityKind + "'");
            }
            try {
                delimiter = Delimiter.parse(format);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format: " + e.getMessage());
            }
        }
    }

    final InteractionMatrix train;
    final FallbackRecommender recommender;
    final AlsSetting setting;
    final double fitSeconds;

    private ServingModel(InteractionMatrix train, FallbackRecommender recommender, AlsSetting setting, double fitSeconds) {
        this.train = train;
        this.recommender = recommender;
        this.setting = setting;
        this.fitSeconds = fitSeconds;
    }

    /** Reads the training file, fits ALS and the popularity model; progress goes to {@code err}. */
    static ServingModel build(Options o, PrintStream err) throws IOException {
        InteractionReader reader = InteractionReader.builder().delimiter(o.delimiter).strict(!o.lenient).build();
        InteractionLog log = EvalSupport.read(reader, o.trainFile, err);
        InteractionMatrix train = log.toMatrix();
        AlsSetting setting = o.als.setting;
        EvalSupport.Fitted fitted = EvalSupport.fit(setting, o.als.base, train);
        err.printf(Locale.ROOT, "trained ALS (factors %d, %d iterations) in %.2f s%n", setting.factors(),
                setting.iterations(), fitted.fitSeconds());
        PopularityModel popularity = o.popularityKind.equals("users")
                ? PopularityModel.distinctUsers(train) : PopularityModel.count(train);
        FallbackRecommender rec = FallbackRecommender.builder(fitted.recommender(), popularity, train)
                .minInteractions(o.minInteractions).blendWeight(o.blend).build();
        return new ServingModel(train, rec, setting, fitted.fitSeconds());
    }

    /**
     * The service's answer for one user: {@code {"user_id": ..., "recommended_features": [item ids, best
     * first], "source": "als" | "popularity" | "blend"}}, the user's training items and {@code filter}'s
     * denied items excluded.
     *
     * @param filter null for the default (exclude seen items)
     */
    Map<String, Object> answer(String user, int n, ItemFilter filter) {
        RecommendationList l = recommender.recommend(user, n, filter);
        IdIndex items = train.itemIndex();
        List<String> ids = new ArrayList<>(l.size());
        for (int r = 0; r < l.size(); r++) {
            ids.add(items.idAt(l.item(r)));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("user_id", user);
        line.put("recommended_features", ids);
        line.put("source", l.source());
        return line;
    }
}
