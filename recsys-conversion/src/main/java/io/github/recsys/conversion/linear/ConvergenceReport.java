package io.github.recsys.conversion.linear;

/**
 * How a logistic-regression fit ended. Immutable.
 *
 * @param solver        the solver that ran (never AUTO)
 * @param iterations    optimizer iterations performed
 * @param evaluations   passes over the data that computed loss and gradient (line-search trials included)
 * @param gradientNorm  final max-norm of the (pseudo-)gradient of the mean loss (the stopping quantity)
 * @param converged     true when {@code gradientNorm <= tolerance}
 * @param finalLoss     final penalized summed objective
 * @param lossHistory   objective after each iteration, index 0 = starting point (a copy is returned)
 * @param seconds       wall-clock training time
 */
public record ConvergenceReport(Solver solver, int iterations, int evaluations, double gradientNorm,
                                boolean converged, double finalLoss, double[] lossHistory, double seconds) {

    /** Copies the history. */
    public ConvergenceReport {
        lossHistory = lossHistory.clone();
    }

    /** The objective after each iteration (a copy). */
    @Override
    public double[] lossHistory() {
        return lossHistory.clone();
    }
}
