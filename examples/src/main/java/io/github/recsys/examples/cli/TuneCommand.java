package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.recsys.data.InteractionMatrix;
import io.github.recsys.eval.AlsSearchSpace;
import io.github.recsys.eval.AlsSetting;
import io.github.recsys.eval.EvaluationResult;
import io.github.recsys.eval.Evaluator;
import io.github.recsys.eval.HyperparameterSearch;
import io.github.recsys.eval.Metric;
import io.github.recsys.eval.Split;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tune}: grid or seeded random search over ALS settings.
 *
 * <pre>
 * tune --input FILE --grid "factors=32,64;regularization=0.01,0.1;alpha=1,10;regularizationExponent=0,0.5"
 *      (regularization, regularizationExponent, alpha and eps also take a range lo..hi, drawn log-uniformly; needs --trials)
 *      [--trials N] [--seed 42] [--metric ndcg] [--k 10] [--test-fraction 0.2] [--validation-fraction 0.1] [--validation-repeats 1]
 *      [--format auto|tsv|csv|dat] [--lenient] [--header true|false] [--split per-user|temporal|latest:K|random:K]
 *      [--user-column C] [--item-column C] [--value-column C] [--timestamp-column C]
 *      [base setting for knobs the grid does not name: --factors --regularization --regularization-exponent|--scale-regularization
 *       --alpha --confidence --eps --iterations] [--cg-steps 3] [--solver cg|cholesky] [--threads N]
 * </pre>
 * The input is split per user into train and test (as {@code als-eval --input}); a validation split is
 * carved from train the same way; every setting (the whole grid, or {@code --trials} distinct grid points
 * drawn with {@code --seed}) is fitted on the rest of train and scored on validation. Prints one JSON
 * line per trial as it finishes, then one summary line: the best setting retrained on all of train and
 * scored once on test, the base setting (the command-line or library defaults) scored the same way for
 * comparison, and the trial order by the metric. A table sorted by the metric goes to stderr.
 */
public final class TuneCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        EvalSupport.DataOptions data = new EvalSupport.DataOptions(args, false);
        EvalSupport.AlsOptions als = new EvalSupport.AlsOptions(args);
        String gridSpec = args.require("grid");
        int trials = args.getInt("trials", 0);
        Metric metric = EvalSupport.metric(args.get("metric", "ndcg"));
        int k = args.getInt("k", 10);
        double validationFraction = args.getDouble("validation-fraction", 0.1);
        int validationRepeats = args.getInt("validation-repeats", 1);
        args.finish();
        if (k < 1) {
            throw new UsageException("--k must be >= 1, was " + k);
        }
        if (validationRepeats < 1) {
            throw new UsageException("--validation-repeats must be >= 1, was " + validationRepeats);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new UsageException("--validation-fraction must be in (0, 1), was " + validationFraction);
        }
        if (trials < 0) {
            throw new UsageException("--trials must be >= 1, was " + trials);
        }
        AlsSearchSpace space;
        try {
            space = AlsSearchSpace.parse(gridSpec, als.setting);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid: " + e.getMessage());
        }
        if (trials == 0 && space.hasRanges()) {
            throw new UsageException("--grid has a range lo..hi: give --trials N for a random search");
        }
        List<AlsSetting> settings = trials > 0 ? space.sample(trials, data.seed) : space.grid();
        err.printf(Locale.ROOT, "%d settings (%s of a %d-point grid)%n", settings.size(),
                trials > 0 ? "random sample" : "all", space.size());

        Split split = data.load(err);
        Evaluator evaluator = Evaluator.builder().k(k).threads(als.base.threads()).auc(metric == Metric.AUC).build();
        ObjectMapper mapper = new ObjectMapper();
        HyperparameterSearch<AlsSetting> search = HyperparameterSearch.<AlsSetting>builder(
                        (s, train) -> EvalSupport.fit(s, als.base, train).recommender())
                .evaluator(evaluator).metric(metric).validationFraction(validationFraction).validationRepeats(validationRepeats).seed(data.seed)
                .listener(t -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("trial", t.index());
                    line.putAll(EvalSupport.settingJson(t.setting()));
                    line.put("fitSeconds", t.fitSeconds());
                    line.put("score", t.score());
                    line.put("validation", EvalSupport.putMetrics(new LinkedHashMap<>(), t.validation()));
                    try {
                        out.println(mapper.writeValueAsString(line));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    out.flush();
                    err.printf(Locale.ROOT, "trial %d/%d: %s = %.4f (fit %.2f s)%n", t.index() + 1, settings.size(),
                            metric.key(), t.score(), t.fitSeconds());
                })
                .build();
        HyperparameterSearch.Result<AlsSetting> result = search.run(settings, split.train(), split.test());

        // the base setting, trained on all of train and scored on test, for comparison
        InteractionMatrix train = split.train().toMatrix();
        EvalSupport.Fitted base = EvalSupport.fit(als.setting, als.base, train);
        EvaluationResult baseTest = evaluator.evaluate(base.recommender(), train, split.test().toMatrix());

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("metric", metric.key());
        summary.put("trials", settings.size());
        summary.put("best", EvalSupport.settingJson(result.best().setting()));
        summary.put("bestTrial", result.best().index());
        summary.put("validation", EvalSupport.putMetrics(new LinkedHashMap<>(), result.best().validation()));
        summary.put("test", EvalSupport.putMetrics(new LinkedHashMap<>(), result.test()));
        summary.put("baseline", EvalSupport.settingJson(als.setting));
        summary.put("baselineTest", EvalSupport.putMetrics(new LinkedHashMap<>(), baseTest));
        List<Integer> ranking = new ArrayList<>();
        for (HyperparameterSearch.Trial<AlsSetting> t : result.trials()) {
            ranking.add(t.index());
        }
        summary.put("ranking", ranking);
        out.println(mapper.writeValueAsString(summary));

        err.printf(Locale.ROOT, "%-5s %7s %8s %5s %7s %-7s %6s %5s %9s%n", "trial", "factors", "lambda", "nu",
                "alpha", "conf", "eps", "iter", "val " + metric.key());
        for (HyperparameterSearch.Trial<AlsSetting> t : result.trials()) {
            AlsSetting s = t.setting();
            err.printf(Locale.ROOT, "%-5d %7d %8.4g %5.3g %7.4g %-7s %6.3g %5d %9.4f%n", t.index(), s.factors(),
                    s.regularization(), s.regularizationExponent(), s.alpha(), s.confidence(), s.eps(), s.iterations(),
                    t.score());
        }
        err.printf(Locale.ROOT, "best on test: %s = %.4f; baseline on test: %.4f%n", metric.key(),
                result.test().mean(metric), baseTest.mean(metric));
        return 0;
    }
}
