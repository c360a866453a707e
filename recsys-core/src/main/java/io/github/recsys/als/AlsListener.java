package io.github.recsys.als;

/**
 * Receives training progress from {@link AlsTrainer#fit(io.github.recsys.data.InteractionMatrix, AlsListener)}.
 * Called on the thread that called {@code fit}, after each iteration; an exception thrown here aborts
 * training.
 */
@FunctionalInterface
public interface AlsListener {

    /** A listener that ignores everything. */
    AlsListener NONE = (iteration, seconds, loss) -> { };

    /**
     * One iteration (an item half-sweep followed by a user half-sweep) finished.
     *
     * @param iteration 1-based iteration number
     * @param seconds   wall-clock seconds of the two half-sweeps (loss computation excluded)
     * @param loss      the training loss after this iteration (see {@link AlsTrainer#loss}), or
     *                  {@code NaN} unless {@link AlsConfig#computeLoss()} is set
     */
    void onIteration(int iteration, double seconds, double loss);
}
