package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An unfitted chain of preprocessing steps plus the target column: {@link #fit(Table)} runs each
 * step's fit on the output of the previous fitted steps and freezes everything into a
 * {@link FittedPipeline}, which turns tables, or single web-form sessions, into a
 * {@link FeatureMatrix}. Immutable and thread-safe; one pipeline can be fitted many times (e.g. once
 * per cross-validation fold).
 *
 * <p>Whatever columns remain after the steps, except the target, become features: numeric as they
 * are, boolean as 1/0, categorical as native category codes (a {@code FeatureMatrix} column with
 * {@code cardinality > 0}, for trees) unless one-hot or ordinal encoded.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder()
 *     .dropDuplicates()                                      // cleaning: rows removed
 *     .filter(RowFilter.greaterThan("Time_Spent", 0))
 *     .drop("User_ID", "Session_ID")
 *     .impute("Age", Imputer.Strategy.MEDIAN)
 *     .impute("Gender", Imputer.Strategy.MOST_FREQUENT)
 *     .standardizeNumerics()                                 // before one-hot: indicators are numeric too
 *     .oneHotCategoricals(OneHotEncoder.Unknown.ZERO, false)
 *     .target("Converted")                                   // boolean, or numeric 0/1
 *     .build();
 * Pipeline.Fitted fitted = pipeline.fitTransform(train);     // = fit(train), then transform(train)
 * FittedPipeline prep = fitted.pipeline();
 * FeatureMatrix xTrain = fitted.features();                  // labels from "Converted"
 * FeatureMatrix xTest = prep.transform(test);
 * double[] row = prep.transformRow(Map.of("Age", "31", "Gender", "Female", "Device_Type", "Mobile", ...));
 * }</pre>
 */
public final class Pipeline {

    private final List<Function<String, Transform>> steps;
    private final String target;
    private final String positiveLevel;

    private Pipeline(Builder b) {
        this.steps = List.copyOf(b.steps);
        this.target = b.target;
        this.positiveLevel = b.positiveLevel;
    }

    /** A builder with no steps and no target. */
    public static Builder builder() {
        return new Builder();
    }

    /** The target column, or null when the pipeline produces unlabeled features only. */
    public String target() {
        return target;
    }

    /** The positive level of a categorical target, or null. */
    public String positiveLevel() {
        return positiveLevel;
    }

    /** The steps in order (those that exclude the target already know it). */
    public List<Transform> steps() {
        List<Transform> out = new ArrayList<>();
        for (Function<String, Transform> s : steps) {
            out.add(s.apply(target));
        }
        return out;
    }

    /**
     * Fits every step in order and checks the target.
     *
     * @throws IllegalArgumentException for an unknown target column ("unknown target column 'X'; columns are [...]"),
     *                                  a target with missing or non-binary values or a single class
     *                                  ("target 'Converted' has a single class (all 0) in 4 rows"), or a step's error
     */
    public FittedPipeline fit(Table table) {
        Table[] out = new Table[1];
        return fitSteps(table, out);
    }

    /**
     * The fitted pipeline and the features of {@code table} in one pass: the same as
     * {@code fit(table)} then {@code transform(table)}, without running the steps twice.
     */
    public Fitted fitTransform(Table table) {
        Table[] out = new Table[1];
        FittedPipeline p = fitSteps(table, out);
        return new Fitted(p, p.assemble(out[0], true));
    }

    private FittedPipeline fitSteps(Table table, Table[] out) {
        Objects.requireNonNull(table, "table");
        if (target != null && !table.has(target)) {
            throw new IllegalArgumentException("unknown target column '" + target + "'; columns are " + table.columnNames());
        }
        List<FittedTransform> fitted = new ArrayList<>();
        Table t = table;
        for (Transform step : steps()) {
            FittedTransform f = step.fit(t);
            t = f.apply(t);
            fitted.add(f);
        }
        out[0] = t;
        return FittedPipeline.create(table, t, fitted, target, positiveLevel);
    }

    /**
     * A fitted pipeline with the features of the table it was fitted on.
     *
     * @param pipeline the frozen pipeline
     * @param features the training table's features and labels
     */
    public record Fitted(FittedPipeline pipeline, FeatureMatrix features) {
    }

    @Override
    public String toString() {
        return "Pipeline" + steps() + (target != null ? " -> target '" + target + "'" : "");
    }

    /** Builder of a {@link Pipeline}; not thread-safe. Steps run in the order they are added. */
    public static final class Builder {
        private final List<Function<String, Transform>> steps = new ArrayList<>();
        private String target;
        private String positiveLevel;

        private Builder() {
        }

        /** Adds any step. */
        public Builder add(Transform step) {
            Objects.requireNonNull(step, "step");
            steps.add(t -> step);
            return this;
        }

        /** Drops rows equal to an earlier row on the key columns (none = all columns). */
        public Builder dropDuplicates(String... keys) {
            return add(new DropDuplicates(keys));
        }

        /** Keeps the rows passing {@code filter}. */
        public Builder filter(RowFilter filter) {
            return add(filter);
        }

        /** Removes columns (e.g. identifiers). */
        public Builder drop(String... columns) {
            List<String> names = List.of(columns);
            return add(new Transform() {
                @Override
                public FittedTransform fit(Table table) {
                    table.drop(columns);
                    return new FittedTransform() {
                        @Override
                        public Table apply(Table t) {
                            return t.drop(columns);
                        }

                        @Override
                        public String toString() {
                            return "Drop" + names;
                        }
                    };
                }

                @Override
                public String toString() {
                    return "Drop" + names;
                }
            });
        }

        /** Fills missing values of {@code column} (MEAN, MEDIAN, MOST_FREQUENT). */
        public Builder impute(String column, Imputer.Strategy strategy) {
            return add(Imputer.of(column, strategy));
        }

        /** Fills missing values of {@code column} with a constant given as text. */
        public Builder imputeConstant(String column, String value) {
            return add(Imputer.constant(column, value));
        }

        /** Cuts numeric {@code column} into labelled intervals written to categorical {@code output}; see {@link Binner}. */
        public Builder bin(String column, String output, double[] edges, String[] labels) {
            return add(new Binner(column, output, edges, labels));
        }

        /** One-hot encodes the given categorical columns (unseen levels: all zeros; all levels kept). */
        public Builder oneHot(String... columns) {
            return add(OneHotEncoder.of(columns));
        }

        /** One-hot encodes the given columns with options. */
        public Builder oneHot(OneHotEncoder.Unknown unknown, boolean dropFirst, String... columns) {
            return add(new OneHotEncoder(List.of(columns), List.of(), unknown, dropFirst));
        }

        /** One-hot encodes every categorical column present at this step, except the target. */
        public Builder oneHotCategoricals(OneHotEncoder.Unknown unknown, boolean dropFirst) {
            steps.add(t -> new OneHotEncoder(List.of(), t == null ? List.of() : List.of(t), unknown, dropFirst));
            return this;
        }

        /** Ordinal-encodes {@code column} with its levels in the given rank order (none = level order at fit time). */
        public Builder ordinal(String column, String... order) {
            return add(new OrdinalEncoder(column, List.of(order)));
        }

        /** Standard-scales the given numeric columns. */
        public Builder standardize(String... columns) {
            return add(Scaler.standard(columns));
        }

        /** Standard-scales every numeric column present at this step, except the target. */
        public Builder standardizeNumerics() {
            steps.add(t -> new Scaler(Scaler.Kind.STANDARD, List.of(), t == null ? List.of() : List.of(t)));
            return this;
        }

        /** Min-max scales the given numeric columns. */
        public Builder minMax(String... columns) {
            return add(Scaler.minMax(columns));
        }

        /** The label column: boolean, or numeric with values 0/1. */
        public Builder target(String column) {
            this.target = Objects.requireNonNull(column, "column");
            this.positiveLevel = null;
            return this;
        }

        /** A categorical label column whose {@code positiveLevel} means 1 (all other levels 0). */
        public Builder target(String column, String positiveLevel) {
            this.target = Objects.requireNonNull(column, "column");
            this.positiveLevel = Objects.requireNonNull(positiveLevel, "positiveLevel");
            return this;
        }

        /** The pipeline. */
        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
