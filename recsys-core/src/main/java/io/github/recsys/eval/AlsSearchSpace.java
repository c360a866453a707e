package io.github.recsys.eval;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A grid of {@link AlsSetting}s: a list of candidate values per knob. {@link #grid()} enumerates the
 * cartesian product in a fixed order; {@link #sample(int, long)} draws distinct grid points at
 * random, seeded. Immutable and thread-safe.
 */
public final class AlsSearchSpace {

    private final int[] factors;
    private final double[] regularization;
    private final boolean[] scaleRegularization;
    private final double[] alpha;
    private final String[] confidence;
    private final double[] eps;
    private final int[] iterations;

    private AlsSearchSpace(int[] factors, double[] regularization, boolean[] scaleRegularization, double[] alpha,
                           String[] confidence, double[] eps, int[] iterations) {
        this.factors = factors;
        this.regularization = regularization;
        this.scaleRegularization = scaleRegularization;
        this.alpha = alpha;
        this.confidence = confidence;
        this.eps = eps;
        this.iterations = iterations;
        for (int i = 0; i < size(); i++) {
            at(i); // validates every combination's components early
        }
    }

    /** The single-point space of {@code base}. */
    public static AlsSearchSpace of(AlsSetting base) {
        return new AlsSearchSpace(new int[] {base.factors()}, new double[] {base.regularization()},
                new boolean[] {base.scaleRegularization()}, new double[] {base.alpha()},
                new String[] {base.confidence()}, new double[] {base.eps()}, new int[] {base.iterations()});
    }

    /**
     * Parses {@code "key=v1,v2;key=v3;..."}; knobs not named keep {@code base}'s value. Keys:
     * {@code factors}, {@code regularization} (or {@code lambda}), {@code scaleRegularization} (true/false),
     * {@code alpha}, {@code confidence} (linear/log/binary/bm25), {@code eps}, {@code iterations};
     * case-insensitive, '-' and '_' ignored.
     *
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static AlsSearchSpace parse(String spec, AlsSetting base) {
        Objects.requireNonNull(spec, "spec");
        int[] f = {base.factors()};
        double[] reg = {base.regularization()};
        boolean[] scale = {base.scaleRegularization()};
        double[] al = {base.alpha()};
        String[] conf = {base.confidence()};
        double[] ep = {base.eps()};
        int[] it = {base.iterations()};
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("grid entry '" + part.trim() + "' must look like key=v1,v2");
            }
            String key = part.substring(0, eq).trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            String[] vals = part.substring(eq + 1).split(",");
            for (int j = 0; j < vals.length; j++) {
                vals[j] = vals[j].trim();
                if (vals[j].isEmpty()) {
                    throw new IllegalArgumentException("grid entry '" + part.trim() + "' has an empty value");
                }
            }
            switch (key) {
                case "factors" -> f = ints(key, vals);
                case "regularization", "lambda", "reg" -> reg = doubles(key, vals);
                case "scaleregularization", "alswr" -> {
                    scale = new boolean[vals.length];
                    for (int j = 0; j < vals.length; j++) {
                        if (!vals[j].equalsIgnoreCase("true") && !vals[j].equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException(key + " expects true or false, was '" + vals[j] + "'");
                        }
                        scale[j] = Boolean.parseBoolean(vals[j].toLowerCase(Locale.ROOT));
                    }
                }
                case "alpha" -> al = doubles(key, vals);
                case "confidence" -> conf = vals.clone();
                case "eps" -> ep = doubles(key, vals);
                case "iterations" -> it = ints(key, vals);
                default -> throw new IllegalArgumentException("unknown grid key '" + part.substring(0, eq).trim()
                        + "', expected factors, regularization, scaleRegularization, alpha, confidence, eps or iterations");
            }
        }
        return new AlsSearchSpace(f, reg, scale, al, conf, ep, it);
    }

    private static int[] ints(String key, String[] vals) {
        int[] out = new int[vals.length];
        for (int j = 0; j < vals.length; j++) {
            try {
                out[j] = Integer.parseInt(vals[j]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " expects integers, was '" + vals[j] + "'");
            }
        }
        return out;
    }

    private static double[] doubles(String key, String[] vals) {
        double[] out = new double[vals.length];
        for (int j = 0; j < vals.length; j++) {
            try {
                out[j] = Double.parseDouble(vals[j]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " expects numbers, was '" + vals[j] + "'");
            }
        }
        return out;
    }

    /** Number of grid points (the product of the value counts). */
    public int size() {
        long s = (long) factors.length * regularization.length * scaleRegularization.length * alpha.length
                * confidence.length * eps.length * iterations.length;
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid has " + s + " points, more than " + Integer.MAX_VALUE);
        }
        return (int) s;
    }

    /**
     * Grid point {@code index} in {@code [0, size())}; the last knob (iterations) varies fastest, then
     * eps, confidence, alpha, scaleRegularization, regularization, factors.
     */
    public AlsSetting at(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("grid index " + index + " out of range [0, " + size() + ")");
        }
        int r = index;
        int iIt = r % iterations.length;
        r /= iterations.length;
        int iEps = r % eps.length;
        r /= eps.length;
        int iConf = r % confidence.length;
        r /= confidence.length;
        int iAl = r % alpha.length;
        r /= alpha.length;
        int iScale = r % scaleRegularization.length;
        r /= scaleRegularization.length;
        int iReg = r % regularization.length;
        r /= regularization.length;
        return new AlsSetting(factors[r], regularization[iReg], scaleRegularization[iScale], alpha[iAl],
                confidence[iConf], eps[iEps], iterations[iIt]);
    }

    /** Every grid point, in {@link #at(int)} order. */
    public List<AlsSetting> grid() {
        List<AlsSetting> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(at(i));
        }
        return out;
    }

    /**
     * {@code min(trials, size())} distinct grid points drawn uniformly at random with a
     * {@link SplittableRandom} seeded by {@code seed}, in drawing order.
     */
    public List<AlsSetting> sample(int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, was " + trials);
        }
        int size = size();
        int n = Math.min(trials, size);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AlsSetting> out = new ArrayList<>(n);
        LongOpenHashSet chosen = new LongOpenHashSet();
        while (out.size() < n) {
            int idx = rnd.nextInt(size);
            if (chosen.add(idx)) {
                out.add(at(idx));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AlsSearchSpace[factors=" + Arrays.toString(factors) + ", regularization=" + Arrays.toString(regularization)
                + ", scaleRegularization=" + Arrays.toString(scaleRegularization) + ", alpha=" + Arrays.toString(alpha)
                + ", confidence=" + Arrays.toString(confidence) + ", eps=" + Arrays.toString(eps)
                + ", iterations=" + Arrays.toString(iterations) + "]";
    }
}
