package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Affine rescaling of numeric columns, {@code (x - center) / scale}, with center and scale learned
 * from the present values at fit time:
 * <ul>
 *   <li>{@link Kind#STANDARD}: center = mean, scale = population standard deviation (as
 *       scikit-learn's StandardScaler);</li>
 *   <li>{@link Kind#MIN_MAX}: center = min, scale = max - min, so training values land in [0, 1].</li>
 * </ul>
 * A constant column gets scale 1 (it becomes 0). Missing values stay NaN. With no columns named,
 * every numeric column at fit time is scaled except the {@code exclude}d ones (the target); put
 * such a step before one-hot encoding, whose indicator columns are numeric too.
 * Immutable and thread-safe.
 */
public final class Scaler implements Transform {

    /** The rescaling kind. */
    public enum Kind {
        /** Zero mean, unit (population) variance. */
        STANDARD,
        /** Training range mapped to [0, 1]. */
        MIN_MAX
    }

    private final Kind kind;
    private final List<String> columns;
    private final List<String> exclude;

    /**
     * @param kind    rescaling kind
     * @param columns numeric columns; empty = all numeric columns at fit time except {@code exclude}
     * @param exclude columns left alone when {@code columns} is empty
     */
    public Scaler(Kind kind, List<String> columns, List<String> exclude) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.columns = List.copyOf(columns);
        this.exclude = List.copyOf(exclude);
    }

    /** Standard scaling of the given columns. */
    public static Scaler standard(String... columns) {
        return new Scaler(Kind.STANDARD, List.of(columns), List.of());
    }

    /** Min-max scaling of the given columns. */
    public static Scaler minMax(String... columns) {
        return new Scaler(Kind.MIN_MAX, List.of(columns), List.of());
    }

    @Override
    public FittedTransform fit(Table table) {
        List<String> names = new ArrayList<>();
        if (columns.isEmpty()) {
            for (Column c : table.columns()) {
                if (c.type() == ColumnType.NUMERIC && !exclude.contains(c.name())) {
                    names.add(c.name());
                }
            }
        } else {
            names.addAll(columns);
        }
        double[] center = new double[names.size()];
        double[] scale = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            NumericColumn x = table.numeric(names.get(j));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            long n = 0;
            for (int i = 0; i < x.size(); i++) {
                double v = x.get(i);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("cannot scale '" + names.get(j) + "': it has no present values");
            }
            if (kind == Kind.STANDARD) {
                double mean = sum / n;
                double ss = 0;
                for (int i = 0; i < x.size(); i++) {
                    double v = x.get(i);
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                    }
                }
                double sd = Math.sqrt(ss / n);
                center[j] = mean;
                scale[j] = sd > 0 ? sd : 1.0;
            } else {
                center[j] = lo;
                scale[j] = hi > lo ? hi - lo : 1.0;
            }
        }
        return new Fitted(kind, List.copyOf(names), center, scale);
    }

    @Override
    public String toString() {
        return "Scaler[" + kind + ", " + (columns.isEmpty() ? "all numeric" : columns) + "]";
    }

    /** A fitted scaler; exposes its parameters for reporting. */
    public static final class Fitted implements FittedTransform {
        private final Kind kind;
        private final List<String> names;
        private final double[] center;
        private final double[] scale;

        Fitted(Kind kind, List<String> names, double[] center, double[] scale) {
            this.kind = kind;
            this.names = names;
            this.center = center;
            this.scale = scale;
        }

        /** The scaled columns. */
        public List<String> columns() {
            return names;
        }

        /** Center per scaled column (mean or min), in {@link #columns()} order (a copy). */
        public double[] centers() {
            return center.clone();
        }

        /** Scale per scaled column (standard deviation or range), in {@link #columns()} order (a copy). */
        public double[] scales() {
            return scale.clone();
        }

        @Override
        public Table apply(Table table) {
            Table t = table;
            for (int j = 0; j < names.size(); j++) {
                NumericColumn x = t.numeric(names.get(j));
                double[] v = x.toArray();
                double c = center[j];
                double s = scale[j];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (v[i] - c) / s;
                }
                t = t.withColumn(NumericColumn.wrap(names.get(j), v));
            }
            return t;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Scaler[" + kind);
            for (int j = 0; j < names.size(); j++) {
                sb.append(String.format(Locale.ROOT, ", %s: (x - %.6g) / %.6g", names.get(j), center[j], scale[j]));
            }
            return sb.append(']').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted f && f.kind == kind && f.names.equals(names) && Arrays.equals(f.center, center)
                    && Arrays.equals(f.scale, scale);
        }

        @Override
        public int hashCode() {
            return names.hashCode() * 31 + Arrays.hashCode(center);
        }
    }
}
