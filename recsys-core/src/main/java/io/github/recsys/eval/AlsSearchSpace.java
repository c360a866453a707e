package io.github.recsys.eval;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A search space of {@link AlsSetting}s: a list of candidate values per knob, or, for regularization,
 * its exponent, alpha and eps, a continuous range {@code lo..hi}. {@link #grid()} enumerates the cartesian product of
 * the lists in a fixed order (no ranges allowed); {@link #sample(int, long)} draws settings at random,
 * seeded: distinct grid points when there is no range, otherwise a random grid point of the lists with
 * each ranged knob drawn log-uniformly (uniformly when the range starts at 0), rounded to 3
 * significant digits. Immutable and thread-safe.
 */
public final class AlsSearchSpace {

    private final int[] factors;
    private final double[] regularization;
    private final double[] regularizationExponent;
    private final double[] alpha;
    private final String[] confidence;
    private final double[] eps;
    private final int[] iterations;
    private final double[][] ranges; // [REG, ALPHA, EPS, NU] -> {lo, hi} or null

    private static final int REG = 0;
    private static final int ALPHA = 1;
    private static final int EPS = 2;
    private static final int NU = 3;
    private static final int RANGED = 4;

    private AlsSearchSpace(int[] factors, double[] regularization, double[] regularizationExponent, double[] alpha,
                           String[] confidence, double[] eps, int[] iterations) {
        this(factors, regularization, regularizationExponent, alpha, confidence, eps, iterations, new double[RANGED][]);
    }

    private AlsSearchSpace(int[] factors, double[] regularization, double[] regularizationExponent, double[] alpha,
                           String[] confidence, double[] eps, int[] iterations, double[][] ranges) {
        this.ranges = ranges;
        this.factors = factors;
        this.regularization = regularization;
        this.regularizationExponent = regularizationExponent;
        this.alpha = alpha;
        this.confidence = confidence;
        this.eps = eps;
        this.iterations = iterations;
        for (int i = 0; i < size(); i++) {
            at(i); // validates every combination's components early (ranges: their lower ends)
        }
        for (int r = 0; r < RANGED; r++) {
            if (ranges[r] != null) {
                AlsSetting a = at(0);
                // validates the upper end too
                new AlsSetting(a.factors(), r == REG ? ranges[r][1] : a.regularization(),
                        r == NU ? ranges[r][1] : a.regularizationExponent(),
                        r == ALPHA ? ranges[r][1] : a.alpha(), a.confidence(), r == EPS ? ranges[r][1] : a.eps(),
                        a.iterations());
            }
        }
    }

    /** The single-point space of {@code base}. */
    public static AlsSearchSpace of(AlsSetting base) {
        return new AlsSearchSpace(new int[] {base.factors()}, new double[] {base.regularization()},
                new double[] {base.regularizationExponent()}, new double[] {base.alpha()},
                new String[] {base.confidence()}, new double[] {base.eps()}, new int[] {base.iterations()});
    }

    /**
     * Parses {@code "key=v1,v2;key=v3;..."}; knobs not named keep {@code base}'s value. Keys:
     * {@code factors}, {@code regularization} (or {@code lambda}), {@code regularizationExponent} (or
     * {@code nu}; numbers in [0, 2]), {@code scaleRegularization} (true/false: the exponent 1 or 0),
     * {@code alpha}, {@code confidence} (linear/log/binary/bm25), {@code eps}, {@code iterations};
     * case-insensitive, '-' and '_' ignored.
     *
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static AlsSearchSpace parse(String spec, AlsSetting base) {
        Objects.requireNonNull(spec, "spec");
        int[] f = {base.factors()};
        double[] reg = {base.regularization()};
        double[] nu = {base.regularizationExponent()};
        double[] al = {base.alpha()};
        String[] conf = {base.confidence()};
        double[] ep = {base.eps()};
        int[] it = {base.iterations()};
        double[][] ranges = new double[RANGED][];
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
                case "regularization", "lambda", "reg" -> {
                    ranges[REG] = range(key, vals);
                    reg = ranges[REG] != null ? new double[] {ranges[REG][0]} : doubles(key, vals);
                }
                case "regularizationexponent", "nu" -> {
                    ranges[NU] = range(key, vals);
                    nu = ranges[NU] != null ? new double[] {ranges[NU][0]} : doubles(key, vals);
                }
                case "scaleregularization", "alswr" -> {
                    ranges[NU] = null;
                    nu = new double[vals.length];
                    for (int j = 0; j < vals.length; j++) {
                        if (!vals[j].equalsIgnoreCase("true") && !vals[j].equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException(key + " expects true or false, was '" + vals[j] + "'");
                        }
                        nu[j] = vals[j].equalsIgnoreCase("true") ? 1 : 0;
                    }
                }
                case "alpha" -> {
                    ranges[ALPHA] = range(key, vals);
                    al = ranges[ALPHA] != null ? new double[] {ranges[ALPHA][0]} : doubles(key, vals);
                }
                case "confidence" -> conf = vals.clone();
                case "eps" -> {
                    ranges[EPS] = range(key, vals);
                    ep = ranges[EPS] != null ? new double[] {ranges[EPS][0]} : doubles(key, vals);
                }
                case "iterations" -> it = ints(key, vals);
                default -> throw new IllegalArgumentException("unknown grid key '" + part.substring(0, eq).trim()
                        + "', expected factors, regularization, regularizationExponent, scaleRegularization, alpha, confidence, eps or iterations");
            }
        }
        return new AlsSearchSpace(f, reg, nu, al, conf, ep, it, ranges);
    }

    /** A {@code lo..hi} range, or null when the values are a list. */
    private static double[] range(String key, String[] vals) {
        if (vals.length != 1 || !vals[0].contains("..")) {
            for (String v : vals) {
                if (v.contains("..")) {
                    throw new IllegalArgumentException(key + ": a range lo..hi must be the only value, was '"
                            + String.join(",", vals) + "'");
                }
            }
            return null;
        }
        String[] ends = vals[0].split("\\.\\.", -1);
        double[] d = ends.length == 2 ? doubles(key, new String[] {ends[0].trim(), ends[1].trim()}) : null;
        if (d == null || !(d[0] <= d[1])) {
            throw new IllegalArgumentException(key + " range must look like lo..hi with lo <= hi, was '" + vals[0] + "'");
        }
        return d;
    }

    /** True when some knob is a continuous range (then only {@link #sample} applies). */
    public boolean hasRanges() {
        return ranges[REG] != null || ranges[ALPHA] != null || ranges[EPS] != null || ranges[NU] != null;
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

    /** Number of grid points (the product of the list lengths; a range counts as one). */
    public int size() {
        long s = (long) factors.length * regularization.length * regularizationExponent.length * alpha.length
                * confidence.length * eps.length * iterations.length;
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid has " + s + " points, more than " + Integer.MAX_VALUE);
        }
        return (int) s;
    }

    /**
     * Grid point {@code index} in {@code [0, size())}; the last knob (iterations) varies fastest, then
     * eps, confidence, alpha, regularizationExponent, regularization, factors.
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
        int iNu = r % regularizationExponent.length;
        r /= regularizationExponent.length;
        int iReg = r % regularization.length;
        r /= regularization.length;
        return new AlsSetting(factors[r], regularization[iReg], regularizationExponent[iNu], alpha[iAl],
                confidence[iConf], eps[iEps], iterations[iIt]);
    }

    /**
     * Every grid point, in {@link #at(int)} order.
     *
     * @throws IllegalStateException when the space has a continuous range
     */
    public List<AlsSetting> grid() {
        if (hasRanges()) {
            throw new IllegalStateException("the search space has a range (lo..hi): draw random trials instead of a grid");
        }
        List<AlsSetting> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(at(i));
        }
        return out;
    }

    /**
     * Random settings from a {@link SplittableRandom} seeded by {@code seed}, in drawing order: without
     * ranges, {@code min(trials, size())} distinct grid points drawn uniformly; with ranges, {@code trials}
     * settings (see the class description).
     */
    public List<AlsSetting> sample(int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, was " + trials);
        }
        int size = size();
        SplittableRandom rnd = new SplittableRandom(seed);
        if (hasRanges()) {
            List<AlsSetting> out = new ArrayList<>(trials);
            for (int t = 0; t < trials; t++) {
                AlsSetting a = at(rnd.nextInt(size));
                double reg = ranges[REG] != null ? draw(ranges[REG], rnd) : a.regularization();
                double al = ranges[ALPHA] != null ? draw(ranges[ALPHA], rnd) : a.alpha();
                double ep = ranges[EPS] != null ? draw(ranges[EPS], rnd) : a.eps();
                double n = ranges[NU] != null ? draw(ranges[NU], rnd) : a.regularizationExponent();
                out.add(new AlsSetting(a.factors(), reg, n, al, a.confidence(), ep, a.iterations()));
            }
            return out;
        }
        int n = Math.min(trials, size);
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

    /** Log-uniform in [lo, hi] (uniform when lo is 0), rounded to 3 significant digits and clamped to the range. */
    private static double draw(double[] range, SplittableRandom rnd) {
        double lo = range[0];
        double hi = range[1];
        double x = lo > 0 ? Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)))
                : lo + rnd.nextDouble() * (hi - lo);
        if (x > 0) {
            double scale = Math.pow(10, 2 - Math.floor(Math.log10(x)));
            x = Math.round(x * scale) / scale;
        }
        return Math.min(hi, Math.max(lo, x));
    }

    @Override
    public String toString() {
        return "AlsSearchSpace[factors=" + Arrays.toString(factors) + ", regularization=" + Arrays.toString(regularization)
                + ", regularizationExponent=" + Arrays.toString(regularizationExponent) + ", alpha=" + Arrays.toString(alpha)
                + ", confidence=" + Arrays.toString(confidence) + ", eps=" + Arrays.toString(eps)
                + ", iterations=" + Arrays.toString(iterations) + ", ranges=" + Arrays.deepToString(ranges) + "]";
    }
}
