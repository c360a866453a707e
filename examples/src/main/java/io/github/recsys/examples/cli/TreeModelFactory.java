package io.github.recsys.examples.cli;

import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.FeatureMatrix;
import io.github.recsys.conversion.ensemble.GradientBoostingConfig;
import io.github.recsys.conversion.ensemble.GradientBoostingModel;
import io.github.recsys.conversion.ensemble.GradientBoostingTrainer;
import io.github.recsys.conversion.ensemble.RandomForestConfig;
import io.github.recsys.conversion.ensemble.RandomForestModel;
import io.github.recsys.conversion.ensemble.RandomForestTrainer;
import io.github.recsys.conversion.importance.FeatureImportance;
import io.github.recsys.conversion.importance.PermutationImportance;
import io.github.recsys.conversion.importance.TreeImportance;
import io.github.recsys.conversion.metrics.ClassificationMetrics;
import io.github.recsys.conversion.metrics.Split;
import io.github.recsys.conversion.metrics.StratifiedSplits;
import io.github.recsys.conversion.tree.CartConfig;
import io.github.recsys.conversion.tree.CartTrainer;
import io.github.recsys.conversion.tree.SplitCriterion;
import io.github.recsys.conversion.tree.TreeEnsemble;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds the tree models of {@code conversion-eval --model tree|random-forest|gbdt} from CLI options.
 *
 * <pre>
 * common:        [--bins 255] [--threads 1] [--seed 42] [--importance] [--permutation-repeats 2]
 * tree:          [--criterion gini|entropy|squared-error] [--max-depth 0 (unlimited)] [--min-samples-split 2]
 *                [--min-samples-leaf 1] [--min-impurity-decrease 0] [--max-features 0 (all)]
 * random-forest: [--trees 100] [--max-features 0 (sqrt p)] [--bootstrap true] [--sample-fraction 1]
 *                [--oob true] and the tree options
 * gbdt:          [--rounds 100] [--learning-rate 0.1] [--max-depth 6] [--max-leaves 0] [--lambda 1] [--gamma 0]
 *                [--min-child-weight 1] [--subsample 1] [--colsample 1] [--positive-weight 1] [--cat-smooth 10]
 *                [--early-stopping-rounds 0] [--validation-fraction 0.1]
 * </pre>
 *
 * <p>For gbdt with {@code --early-stopping-rounds N > 0} and no validation matrix, a seeded
 * stratified {@code --validation-fraction} of the training rows is held out for early stopping.
 * Training details (OOB AUC, best round) and, with {@code --importance}, a table of split counts,
 * total gain (normalized) and permutation importance (AUC drop on the validation rows, or on up to
 * 10,000 training rows) go to {@code err}.
 */
final class TreeModelFactory {

    private static final int PERMUTATION_ROWS = 10_000;

    private TreeModelFactory() {
    }

    /** True for the model names this factory handles. */
    static boolean handles(String model) {
        return model.equals("tree") || model.equals("random-forest") || model.equals("gbdt");
    }

    /**
     * Trains the named model on {@code train}; {@code validation} (may be null) is for early stopping.
     * When {@code importance} is true, feature importances are printed to {@code err} as a table.
     */
    static BinaryClassifier fit(String model, Args args, FeatureMatrix train, FeatureMatrix validation,
                                boolean importance, PrintStream err) {
        int bins = args.getInt("bins", 255);
        int threads = args.getInt("threads", 1);
        long seed = args.getLong("seed", 42);
        int repeats = args.getInt("permutation-repeats", 2);
        BinaryClassifier classifier;
        FeatureMatrix evalRows = validation;
        {
            switch (model) {
                case "tree" -> {
                    CartConfig c = cartConfig(args, bins, seed, 0);
                    args.finish();
                    classifier = new CartTrainer(c).fit(train);
                }
                case "random-forest" -> {
                    RandomForestConfig.Builder b = RandomForestConfig.builder()
                            .trees(args.getInt("trees", 100))
                            .criterion(criterion(args))
                            .maxDepth(args.getInt("max-depth", 0))
                            .minSamplesSplit(args.getDouble("min-samples-split", 2))
                            .minSamplesLeaf(args.getDouble("min-samples-leaf", 1))
                            .minImpurityDecrease(args.getDouble("min-impurity-decrease", 0))
                            .maxFeatures(args.getInt("max-features", 0))
                            .bootstrap(bool(args, "bootstrap", true))
                            .sampleFraction(args.getDouble("sample-fraction", 1.0))
                            .oobScore(bool(args, "oob", true))
                            .maxBins(bins).threads(threads).seed(seed);
                    RandomForestConfig c = valid(b::build);
                    args.finish();
                    RandomForestModel rf = new RandomForestTrainer(c).fit(train);
                    err.printf(Locale.ROOT, "random forest: %d trees, out-of-bag AUC %.5f over %,d rows%n",
                            rf.trees().size(), rf.oobAuc(), rf.oobRows());
                    classifier = rf;
                }
                case "gbdt" -> {
                    GradientBoostingConfig.Builder b = GradientBoostingConfig.builder()
                            .rounds(args.getInt("rounds", 100))
                            .learningRate(args.getDouble("learning-rate", 0.1))
                            .maxDepth(args.getInt("max-depth", 6))
                            .maxLeaves(args.getInt("max-leaves", 0))
                            .lambda(args.getDouble("lambda", 1.0))
                            .gamma(args.getDouble("gamma", 0.0))
                            .minChildWeight(args.getDouble("min-child-weight", 1.0))
                            .subsample(args.getDouble("subsample", 1.0))
                            .colsample(args.getDouble("colsample", 1.0))
                            .scalePosWeight(args.getDouble("positive-weight", 1.0))
                            .catSmooth(args.getDouble("cat-smooth", 10.0))
                            .earlyStoppingRounds(args.getInt("early-stopping-rounds", 0))
                            .maxBins(bins).threads(threads).seed(seed);
                    double validationFraction = args.getDouble("validation-fraction", 0.1);
                    GradientBoostingConfig c = valid(b::build);
                    args.finish();
                    FeatureMatrix fitRows = train;
                    if (c.earlyStoppingRounds() > 0 && validation == null) {
                        if (!(validationFraction > 0 && validationFraction < 1)) {
                            throw new UsageException("--validation-fraction must be in (0, 1), was " + validationFraction);
                        }
                        Split s = StratifiedSplits.split(train.labels(), validationFraction, seed);
                        fitRows = train.selectRows(s.train());
                        evalRows = train.selectRows(s.test());
                        err.printf(Locale.ROOT, "gbdt: holding out %,d training rows for early stopping%n", evalRows.rows());
                    }
                    GradientBoostingModel gb = new GradientBoostingTrainer(c).fit(fitRows, evalRows);
                    if (evalRows != null && gb.validationLoss().length > 0) {
                        err.printf(Locale.ROOT, "gbdt: %d trees kept, best round %d, validation log loss %.5f%n",
                                gb.treeCount(), gb.bestRound() + 1, gb.validationLoss()[gb.bestRound()]);
                    }
                    classifier = gb;
                }
                default -> throw new UsageException("--model must be tree, random-forest or gbdt, was '" + model + "'");
            }
        }
        if (importance) {
            if (evalRows == null) {
                evalRows = sample(train, PERMUTATION_ROWS, seed);
            }
            printImportance((TreeEnsemble) classifier, classifier, evalRows, repeats, seed, err);
        }
        return classifier;
    }

    /** Builds a config, turning a rejected value into a usage error with the same message. */
    private static <T> T valid(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static CartConfig cartConfig(Args args, int bins, long seed, int defaultDepth) {
        CartConfig.Builder b = CartConfig.builder()
                .criterion(criterion(args))
                .maxDepth(args.getInt("max-depth", defaultDepth))
                .minSamplesSplit(args.getDouble("min-samples-split", 2))
                .minSamplesLeaf(args.getDouble("min-samples-leaf", 1))
                .minImpurityDecrease(args.getDouble("min-impurity-decrease", 0))
                .maxFeatures(args.getInt("max-features", 0))
                .maxBins(bins).seed(seed);
        return valid(b::build);
    }

    private static SplitCriterion criterion(Args args) {
        String c = args.get("criterion", "gini");
        return switch (c) {
            case "gini" -> SplitCriterion.GINI;
            case "entropy" -> SplitCriterion.ENTROPY;
            case "squared-error" -> SplitCriterion.SQUARED_ERROR;
            default -> throw new UsageException("--criterion must be gini, entropy or squared-error, was '" + c + "'");
        };
    }

    private static boolean bool(Args args, String key, boolean def) {
        String v = args.get(key, Boolean.toString(def));
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new UsageException("--" + key + " must be true or false, was '" + v + "'");
    }

    private static FeatureMatrix sample(FeatureMatrix x, int max, long seed) {
        if (x.rows() <= max) {
            return x;
        }
        Split s = StratifiedSplits.split(x.labels(), (double) max / x.rows(), seed);
        return x.selectRows(s.test());
    }

    private static void printImportance(TreeEnsemble ensemble, BinaryClassifier model, FeatureMatrix evalRows,
                                        int repeats, long seed, PrintStream err) {
        FeatureImportance splits = TreeImportance.splitCount(ensemble);
        FeatureImportance gain = TreeImportance.totalGain(ensemble).normalized();
        FeatureImportance perm = null;
        if (repeats > 0 && hasBothClasses(evalRows)) {
            perm = PermutationImportance.compute(model, evalRows, ClassificationMetrics::rocAuc, repeats, seed);
        }
        int[] order = gain.ranking();
        int width = Arrays.stream(gain.names()).mapToInt(String::length).max().orElse(7);
        width = Math.max(width, 7);
        err.printf(Locale.ROOT, "%-" + width + "s %8s %10s %14s%n", "feature", "splits", "gain", "perm AUC drop");
        for (int j : order) {
            err.printf(Locale.ROOT, "%-" + width + "s %8d %10.5f %14s%n", gain.name(j), (long) splits.value(j), gain.value(j),
                    perm == null ? "-" : String.format(Locale.ROOT, "%.5f", perm.value(j)));
        }
    }

    private static boolean hasBothClasses(FeatureMatrix x) {
        boolean zero = false;
        boolean one = false;
        for (int i = 0; i < x.rows(); i++) {
            zero |= x.label(i) == 0;
            one |= x.label(i) == 1;
        }
        return zero && one;
    }
}
