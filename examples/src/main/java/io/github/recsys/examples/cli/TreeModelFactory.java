package io.github.recsys.examples.cli;

import io.github.recsys.conversion.data.BinaryClassifier;
import io.github.recsys.conversion.data.FeatureMatrix;

import java.io.PrintStream;

/** Builds the tree models of {@code conversion-eval --model tree|random-forest|gbdt} from CLI options. */
final class TreeModelFactory {

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
        throw new UsageException("--model " + model + " is not implemented yet");
    }
}
