package io.github.recsys.als;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What happened during training: a light provenance record carried by {@link AlsModel}. Immutable.
 *
 * @param iterations            number of iterations run
 * @param secondsPerIteration   wall-clock seconds of each iteration, in order (size {@code iterations})
 * @param finalLoss             training loss after the last iteration, or {@code NaN} when not computed
 * @param kernels               name of the float kernels used ({@code "scalar"} or {@code "vector-N"})
 * @param libraryVersion        recsys version that trained the model
 */
public record TrainingSummary(int iterations, List<Double> secondsPerIteration, double finalLoss,
                              String kernels, String libraryVersion) {

    /** Version string used when the jar manifest does not carry one. */
    public static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    /** Validates and copies. */
    public TrainingSummary {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
        secondsPerIteration = List.copyOf(Objects.requireNonNull(secondsPerIteration, "secondsPerIteration"));
        if (secondsPerIteration.size() != iterations) {
            throw new IllegalArgumentException("secondsPerIteration has " + secondsPerIteration.size()
                    + " entries, expected " + iterations);
        }
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }

    /** True when {@link #finalLoss()} was computed. */
    public boolean hasLoss() {
        return !Double.isNaN(finalLoss);
    }

    /** Median of {@link #secondsPerIteration()} (mean of the two middle values for an even count), NaN when empty. */
    public double medianSecondsPerIteration() {
        if (iterations == 0) {
            return Double.NaN;
        }
        double[] s = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            s[i] = secondsPerIteration.get(i);
        }
        Arrays.sort(s);
        return iterations % 2 == 1 ? s[iterations / 2] : 0.5 * (s[iterations / 2 - 1] + s[iterations / 2]);
    }

    /** The version of the recsys-core jar on the class path, or {@link #DEFAULT_VERSION}. */
    public static String currentLibraryVersion() {
        String v = TrainingSummary.class.getPackage().getImplementationVersion();
        return v != null ? v : DEFAULT_VERSION;
    }
}
