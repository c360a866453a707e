package io.github.recsys.conversion.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Pipeline} with every step frozen: turns a table, or one session from a web form, into
 * features in exactly the same way. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #transform(Table)}: all steps (row filters and de-duplication included), then the
 *       features; labels come from the target column when the table has it.</li>
 *   <li>{@link #transformRow(Map)}: one session given as field name to value (strings as typed in a
 *       form, numbers, booleans; absent or null = missing). Row-removing steps are skipped, since a
 *       live session must always be scored; every other step runs on a one-row table, so a row gives
 *       the same features as the same row inside a table.</li>
 * </ul>
 * Feature columns are the columns left after the steps, minus the target, in table order: numeric
 * as is, boolean as 1/0, categorical as the fit-time category code (unseen levels and missing = NaN)
 * with {@code cardinality} = number of fit-time levels.
 */
public final class FittedPipeline {

    private final List<String> inputNames;
    private final List<ColumnType> inputTypes;
    private final List<FittedTransform> steps;
    private final String target;
    private final String positiveLevel;
    private final String[] featureNames;
    private final ColumnType[] featureTypes;
    private final List<List<String>> featureLevels; // null for non-categorical
    private final int[] cardinality;

    private FittedPipeline(List<String> inputNames, List<ColumnType> inputTypes, List<FittedTransform> steps, String target,
                           String positiveLevel, String[] featureNames, ColumnType[] featureTypes,
                           List<List<String>> featureLevels, int[] cardinality) {
        this.inputNames = inputNames;
        this.inputTypes = inputTypes;
        this.steps = steps;
        this.target = target;
        this.positiveLevel = positiveLevel;
        this.featureNames = featureNames;
        this.featureTypes = featureTypes;
        this.featureLevels = featureLevels;
        this.cardinality = cardinality;
    }

    static FittedPipeline create(Table input, Table output, List<FittedTransform> steps, String target, String positiveLevel) {
        if (target != null) {
            if (!output.has(target)) {
                throw new IllegalArgumentException("target column '" + target + "' was removed by a pipeline step; columns left are "
                        + output.columnNames());
            }
            double[] labels = labels(output.column(target), target, positiveLevel);
            long ones = 0;
            for (double l : labels) {
                ones += (long) l;
            }
            if (ones == 0 || ones == labels.length) {
                throw new IllegalArgumentException("target '" + target + "' has a single class (all " + (ones == 0 ? 0 : 1)
                        + ") in " + labels.length + " rows");
            }
        }
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        for (Column c : output.columns()) {
            if (c.name().equals(target)) {
                continue;
            }
            names.add(c.name());
            types.add(c.type());
            levels.add(c instanceof CategoricalColumn k ? k.levels() : null);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the pipeline leaves no feature columns; columns left are " + output.columnNames());
        }
        int[] card = new int[names.size()];
        for (int j = 0; j < card.length; j++) {
            card[j] = levels.get(j) == null ? 0 : Math.max(1, levels.get(j).size());
        }
        List<String> inNames = new ArrayList<>();
        List<ColumnType> inTypes = new ArrayList<>();
        for (Column c : input.columns()) {
            inNames.add(c.name());
            inTypes.add(c.type());
        }
        return new FittedPipeline(List.copyOf(inNames), List.copyOf(inTypes), List.copyOf(steps), target, positiveLevel,
                names.toArray(new String[0]), types.toArray(new ColumnType[0]), Collections.unmodifiableList(levels), card);
    }

    /** The fitted steps in order. */
    public List<FittedTransform> steps() {
        return steps;
    }

    /** The target column, or null. */
    public String target() {
        return target;
    }

    /** Feature names in column order, e.g. {@code Age}, {@code Device_Type=Mobile}. */
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    /** Number of feature columns p. */
    public int featureCount() {
        return featureNames.length;
    }

    /** Per feature: 0 for numeric, else the number of category codes (copy). */
    public int[] cardinalities() {
        return cardinality.clone();
    }

    /** The columns (name and type, in order) the pipeline was fitted on; {@link #transformRow} accepts these field names. */
    public Schema inputSchema() {
        Schema.Builder b = Schema.builder().inferOthers(false);
        for (int i = 0; i < inputNames.size(); i++) {
            b.column(inputNames.get(i), inputTypes.get(i));
        }
        return b.build();
    }

    /** Runs every step (rows may be removed) and returns the cleaned table, before feature assembly. */
    public Table clean(Table table) {
        return cleanWithReport(table).table();
    }

    /**
     * Runs every step and reports how many rows each row-removing step took out (also logged at
     * DEBUG level through {@link System.Logger}).
     */
    public CleaningReport cleanWithReport(Table table) {
        Table t = table;
        List<CleaningReport.Removal> removals = new ArrayList<>();
        for (FittedTransform f : steps) {
            int before = t.rows();
            t = f.apply(t);
            if (f.removesRows()) {
                removals.add(new CleaningReport.Removal(f.toString(), before - t.rows()));
                if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    LOG.log(System.Logger.Level.DEBUG, "{0} removed {1} of {2} rows", f, before - t.rows(), before);
                }
            }
        }
        return new CleaningReport(t, table.rows(), removals);
    }

    private static final System.Logger LOG = System.getLogger(FittedPipeline.class.getName());

    /**
     * Runs every step and assembles the features (n' x p, n' = rows left); labels from the target
     * column when {@code table} has it, else none.
     *
     * @throws IllegalArgumentException when a feature column is absent or of another type than at fit
     *                                  time, or the target has missing or non-binary values
     */
    public FeatureMatrix transform(Table table) {
        return assemble(clean(table), true);
    }

    /**
     * Features of one session given as field name to value. Values may be strings (parsed by the
     * column's fit-time type), numbers or booleans; absent or null fields are missing. The target
     * field, if given, is ignored.
     *
     * @return p feature values, equal to the row this session would get inside {@link #transform(Table)}
     * @throws IllegalArgumentException for a field name the pipeline does not know, or a value that
     *                                  does not fit its column ("field 'Age': expected a number, was 'abc'")
     */
    public double[] transformRow(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        for (String key : row.keySet()) {
            if (!inputNames.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "'; expected fields " + inputNames);
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < inputNames.size(); j++) {
            String name = inputNames.get(j);
            if (name.equals(target)) {
                continue;
            }
            ColumnType type = inputTypes.get(j);
            ColumnBuilder b = ColumnBuilder.of(name, type);
            Object v = row.get(name);
            try {
                if (v == null) {
                    b.add(null);
                } else if (v instanceof Number num && type == ColumnType.NUMERIC) {
                    b.addNumber(num.doubleValue());
                } else if (v instanceof Number num) {
                    b.add(NumericColumn.formatNumber(num.doubleValue()));
                } else {
                    b.add(v.toString());
                }
            } catch (ValueFormatException e) {
                throw new IllegalArgumentException("field '" + name + "': " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
            }
            cols.add(b.build());
        }
        Table t = cols.isEmpty() ? Table.empty(1) : Table.of(cols);
        for (FittedTransform f : steps) {
            if (!f.removesRows()) {
                t = f.apply(t);
            }
        }
        return assemble(t, false).row(0);
    }

    /** Rows per block of the assembly: one block of the row-major output stays in cache while columns are copied in. */
    private static final int ASSEMBLY_BLOCK = 512;

    FeatureMatrix assemble(Table t, boolean withLabels) {
        int n = t.rows();
        int p = featureNames.length;
        Column[] cols = new Column[p];
        int[][] catCodes = new int[p][];
        for (int j = 0; j < p; j++) {
            String name = featureNames[j];
            if (!t.has(name)) {
                throw new IllegalArgumentException("feature column '" + name + "' is missing after the pipeline steps; columns are "
                        + t.columnNames());
            }
            Column c = t.column(name);
            if (c.type() != featureTypes[j]) {
                throw new IllegalArgumentException("feature column '" + name + "' is " + c.type().label() + ", it was "
                        + featureTypes[j].label() + " when the pipeline was fitted");
            }
            cols[j] = c;
            if (c instanceof CategoricalColumn k) {
                catCodes[j] = k.codesIn(featureLevels.get(j), null);
            }
        }
        double[] values = new double[Math.multiplyExact(n, p)];
        for (int from = 0; from < n; from += ASSEMBLY_BLOCK) {
            int to = Math.min(n, from + ASSEMBLY_BLOCK);
            for (int j = 0; j < p; j++) {
                Column c = cols[j];
                if (c instanceof NumericColumn x) {
                    for (int i = from, o = from * p + j; i < to; i++, o += p) {
                        values[o] = x.get(i);
                    }
                } else if (c instanceof BooleanColumn b) {
                    for (int i = from, o = from * p + j; i < to; i++, o += p) {
                        values[o] = b.asDouble(i);
                    }
                } else {
                    int[] codes = catCodes[j];
                    for (int i = from, o = from * p + j; i < to; i++, o += p) {
                        values[o] = codes[i] < 0 ? Double.NaN : codes[i];
                    }
                }
            }
        }
        double[] labels = withLabels && target != null && t.has(target) ? labels(t.column(target), target, positiveLevel) : null;
        return FeatureMatrix.wrap(n, p, values, featureNames.clone(), cardinality.clone(), labels, null);
    }

    static double[] labels(Column c, String target, String positiveLevel) {
        return Labels.binary(c, positiveLevel, false);
    }

    @Override
    public String toString() {
        return "FittedPipeline" + steps + " -> " + featureNames.length + " features" + (target != null ? ", target '" + target + "'" : "");
    }
}
