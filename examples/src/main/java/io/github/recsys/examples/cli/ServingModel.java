package io.github.recsys.examples.cli;

import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.api.RecommendationList;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.AlsSetting;
import io.github.recsys.io.csv.Delimiter;
import io.github.recsys.io.csv.InteractionReader;
import io.github.recsys.io.model.AlsModelFiles;
import io.github.recsys.popularity.FallbackRecommender;
import io.github.recsys.popularity.PopularityModel;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
     * [--popularity count|users] [--format auto|tsv|csv|dat] [--lenient] [--model FILE]} and the ALS
     * options of {@link EvalSupport.AlsOptions}. With {@code --model}, the model is read from the file
     * (written by {@code train} from the same event file) instead of trained, and the training options
     * (factors, regularization, alpha, iterations, solver, CG steps) are rejected rather than ignored.
     * Call before {@link Args#finish()}.
     */
    static final class Options {
        final String trainFile;
        final int minInteractions;
        final double blend;
        final String popularityKind;
        final Delimiter delimiter;
        final boolean lenient;
        final EvalSupport.AlsOptions als;
        final String modelFile;

        /** Options that only make sense when training here. */
        private static final String[] TRAINING_OPTIONS = {"factors", "regularization", "regularization-exponent",
            "scale-regularization", "alpha", "iterations", "solver", "cg-steps", "eps"};

        Options(Args args) {
            trainFile = args.require("train");
            modelFile = args.get("model", null);
            if (modelFile != null) {
                for (String o : TRAINING_OPTIONS) {
                    if (args.has(o)) {
                        throw new UsageException("--" + o + " does not apply with --model (the model file is already trained)");
                    }
                }
            }
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
    /** {@code train} after the setting's confidence weighting: the strengths ALS and fold-in see. */
    final InteractionMatrix weighted;
    final AlsRecommender als;
    final PopularityModel popularity;
    final int minInteractions;
    final FallbackRecommender recommender;
    final AlsSetting setting;
    /** Seconds to train the model, or to read it with {@code --model}. */
    final double fitSeconds;

    private ServingModel(InteractionMatrix train, InteractionMatrix weighted, AlsRecommender als,
                         PopularityModel popularity, int minInteractions, FallbackRecommender recommender,
                         AlsSetting setting, double fitSeconds) {
        this.train = train;
        this.weighted = weighted;
        this.als = als;
        this.popularity = popularity;
        this.minInteractions = minInteractions;
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
        EvalSupport.Fitted fitted;
        if (o.modelFile != null) {
            long t0 = System.nanoTime();
            AlsModel model = AlsModelFiles.read(Path.of(o.modelFile));
            if (!model.userIndex().equals(train.userIndex()) || !model.itemIndex().equals(train.itemIndex())) {
                throw new IllegalArgumentException("model " + o.modelFile + " was not trained on " + o.trainFile
                        + ": the model has " + model.userCount() + " users and " + model.itemCount()
                        + " items, the file " + train.rows() + " and " + train.cols()
                        + (model.userCount() == train.rows() && model.itemCount() == train.cols() ? ", with other ids" : ""));
            }
            InteractionMatrix weighted = EvalSupport.confidence(setting).apply(train);
            double secs = (System.nanoTime() - t0) / 1e9;
            fitted = new EvalSupport.Fitted(model, new AlsRecommender(model, weighted, o.als.base.threads()), weighted, secs);
            setting = new AlsSetting(model.factors(), model.config().regularization(),
                    model.config().regularizationExponent(), model.config().alpha(), setting.confidence(), setting.eps(),
                    model.config().iterations());
            err.printf(Locale.ROOT, "read ALS model %s (factors %d) in %.2f s%n", o.modelFile, model.factors(), secs);
        } else {
            fitted = EvalSupport.fit(setting, o.als.base, train);
            err.printf(Locale.ROOT, "trained ALS (factors %d, %d iterations) in %.2f s%n", setting.factors(),
                    setting.iterations(), fitted.fitSeconds());
        }
        PopularityModel popularity = o.popularityKind.equals("users")
                ? PopularityModel.distinctUsers(train) : PopularityModel.count(train);
        FallbackRecommender rec = FallbackRecommender.builder(fitted.recommender(), popularity, train)
                .minInteractions(o.minInteractions).blendWeight(o.blend).build();
        return new ServingModel(train, fitted.weighted(), fitted.recommender(), popularity,
                o.minInteractions, rec, setting, fitted.fitSeconds());
    }

    /**
     * The answer for a user with recent interactions the model has not seen ({@code history}, item ids,
     * each counting as one event of strength 1; repeats add up): ALS fold-in (an exact solve against the
     * fixed item factors, {@link AlsRecommender#recommendFor}) of the user's training items, if any,
     * together with the history, with {@code "source": "fold-in"}. When those come to fewer than
     * {@code max(1, --fallback-min-interactions)} distinct items, the popularity list instead. Both
     * exclude the training and history items. History ids unknown to the model cannot be folded in;
     * they are counted in {@code "ignored_history_items"} (present only when not 0).
     */
    Map<String, Object> answer(String user, List<String> history, int n, ItemFilter filter) {
        IdIndex items = train.itemIndex();
        IntArrayList idx = new IntArrayList();
        DoubleArrayList w = new DoubleArrayList();
        int u = train.userIndex().indexOf(user);
        if (u >= 0) {
            int[] ri = weighted.rowItems(u);
            float[] rv = weighted.rowValues(u);
            for (int j = 0; j < ri.length; j++) {
                idx.add(ri[j]);
                w.add(rv[j]);
            }
        }
        int ignored = 0;
        for (String h : history) {
            int i = items.indexOf(h);
            if (i < 0) {
                ignored++;
            } else {
                idx.add(i);
                w.add(1.0);
            }
        }
        int[] union = new IntOpenHashSet(idx).toIntArray();
        ItemFilter f = filter == null ? ItemFilter.DEFAULT : filter;
        RecommendationList l;
        if (union.length >= Math.max(1, minInteractions)) {
            l = als.recommendFor(idx.toIntArray(), w.toDoubleArray(), n, f).withSource("fold-in");
        } else {
            l = popularity.recommend(-1, n, f.deny(union));
        }
        Map<String, Object> line = shape(user, l);
        if (ignored > 0) {
            line.put("ignored_history_items", ignored);
        }
        return line;
    }

    /**
     * The service's answer for one user: {@code {"user_id": ..., "recommended_features": [item ids, best
     * first], "source": "als" | "popularity" | "blend"}}, the user's training items and {@code filter}'s
     * denied items excluded.
     *
     * @param filter null for the default (exclude seen items)
     */
    Map<String, Object> answer(String user, int n, ItemFilter filter) {
        return shape(user, recommender.recommend(user, n, filter));
    }

    private Map<String, Object> shape(String user, RecommendationList l) {
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
