package io.github.recsys.conversion.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds one {@link Column} from text values, one row at a time: the way CSV readers and web-form
 * rows become typed columns. Not thread-safe; use one builder per column and thread.
 *
 * <p><b>Missing values:</b> null, the empty string, {@code NA}, {@code N/A}, {@code NaN},
 * {@code null} and {@code NULL} (after trimming spaces).
 *
 * <p><b>Declared types</b> ({@link #of(String, ColumnType)} with a type): numeric accepts decimal
 * numbers ({@code 12}, {@code -0.5}, {@code 1e-3}, {@code Infinity}); boolean accepts
 * true/false, yes/no, y/n, t/f and 1/0 in any case; categorical accepts any text. A value that does
 * not fit throws {@link ValueFormatException}.
 *
 * <p><b>Inference</b> ({@link #inferring(String)}): a column is numeric while every present value is
 * a number; at the first value that is not, it becomes categorical and the numbers seen so far
 * become levels in their shortest text form ({@code 1.50} becomes level {@code 1.5}), as do numbers
 * met later in the column (declared categorical columns keep the text as written). A categorical
 * column whose levels are all true/false or yes/no words becomes boolean (1/0 columns stay numeric).
 * A column with no present value is numeric (all NaN).
 *
 * <p>Levels of categorical columns are sorted at {@link #build()}: numerically when every level is
 * a number, else in natural string order, so the codes do not depend on row order.
 */
public final class ColumnBuilder {

    private static final int UNDECIDED = 0;
    private static final int NUMERIC = 1;
    private static final int CATEGORICAL = 2;
    private static final int BOOLEAN = 3;

    private final String name;
    private final ColumnType declared;
    private int mode;
    private int size;
    private double[] numbers;
    private int[] codes;
    private byte[] bools;
    private Object2IntOpenHashMap<String> dict;
    private List<String> levels;

    private ColumnBuilder(String name, ColumnType declared) {
        this.name = Objects.requireNonNull(name, "name");
        this.declared = declared;
        if (declared == null) {
            mode = UNDECIDED;
        } else {
            switch (declared) {
                case NUMERIC -> startNumeric(16);
                case CATEGORICAL -> startCategorical(16);
                case BOOLEAN -> {
                    mode = BOOLEAN;
                    bools = new byte[16];
                }
                default -> throw new AssertionError(declared);
            }
        }
    }

    /** A builder inferring the type from the values. */
    public static ColumnBuilder inferring(String name) {
        return new ColumnBuilder(name, null);
    }

    /** A builder for a declared type; null means infer. */
    public static ColumnBuilder of(String name, ColumnType type) {
        return new ColumnBuilder(name, type);
    }

    /** The column name. */
    public String name() {
        return name;
    }

    /** Number of values added. */
    public int size() {
        return size;
    }

    /** True for the tokens treated as missing values (see the class comment). */
    public static boolean isMissingToken(String s) {
        if (s == null) {
            return true;
        }
        // compared char by char: this runs once per CSV value, and hashing short strings showed in profiles
        switch (s.length()) {
            case 0:
                return true;
            case 2:
                return s.charAt(0) == 'N' && s.charAt(1) == 'A';
            case 3:
                return s.charAt(0) == 'N' && (s.equals("N/A") || s.equals("NaN"));
            case 4:
                return (s.charAt(0) == 'n' || s.charAt(0) == 'N') && (s.equals("null") || s.equals("NULL"));
            default:
                return false;
        }
    }

    /**
     * Appends one value.
     *
     * @param raw the text; null or a missing token for a missing value; surrounding spaces are ignored
     * @throws ValueFormatException when the column has a declared type the value does not fit
     */
    public void add(String raw) {
        String s = raw == null ? null : trim(raw);
        boolean missing = isMissingToken(s);
        switch (mode) {
            case UNDECIDED -> {
                if (missing) {
                    size++;
                    return;
                }
                double v = parseNumber(s);
                if (!Double.isNaN(v)) {
                    int pending = size;
                    startNumeric(Math.max(16, pending * 2));
                    Arrays.fill(numbers, 0, pending, Double.NaN);
                    addNumber(v);
                } else {
                    int pending = size;
                    startCategorical(Math.max(16, pending * 2));
                    Arrays.fill(codes, 0, pending, CategoricalColumn.MISSING);
                    size = pending;
                    addLevel(s);
                }
            }
            case NUMERIC -> {
                if (missing) {
                    addNumber(Double.NaN);
                    return;
                }
                double v = parseNumber(s);
                if (!Double.isNaN(v)) {
                    addNumber(v);
                } else if (declared != null) {
                    throw new ValueFormatException(name, ColumnType.NUMERIC, raw);
                } else {
                    numericToCategorical();
                    addLevel(s);
                }
            }
            case CATEGORICAL -> {
                if (missing) {
                    ensureCodes();
                    codes[size++] = CategoricalColumn.MISSING;
                } else if (declared == null) {
                    addLevel(canonical(s));
                } else {
                    addLevel(s);
                }
            }
            case BOOLEAN -> {
                byte b = missing ? BooleanColumn.MISSING : parseBoolean(s, true);
                if (b == -2) {
                    throw new ValueFormatException(name, ColumnType.BOOLEAN, raw);
                }
                if (size == bools.length) {
                    bools = Arrays.copyOf(bools, size * 2);
                }
                bools[size++] = b;
            }
            default -> throw new AssertionError(mode);
        }
    }

    /** Appends a number (NaN = missing) to a numeric or undecided builder; other types get its text form. */
    public void addNumber(double v) {
        if (mode == NUMERIC) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = v;
        } else {
            add(Double.isNaN(v) ? null : NumericColumn.formatNumber(v));
        }
    }

    /** The finished column. The builder must not be used afterwards. */
    public Column build() {
        switch (mode) {
            case UNDECIDED -> {
                double[] v = new double[size];
                Arrays.fill(v, Double.NaN);
                return NumericColumn.wrap(name, v);
            }
            case NUMERIC -> {
                return NumericColumn.wrap(name, Arrays.copyOf(numbers, size));
            }
            case BOOLEAN -> {
                return BooleanColumn.wrap(name, Arrays.copyOf(bools, size));
            }
            case CATEGORICAL -> {
                if (declared == null && !levels.isEmpty() && allBooleanWords(levels)) {
                    byte[] b = new byte[size];
                    byte[] byCode = new byte[levels.size()];
                    for (int i = 0; i < byCode.length; i++) {
                        byCode[i] = parseBoolean(levels.get(i), false);
                    }
                    for (int i = 0; i < size; i++) {
                        b[i] = codes[i] < 0 ? BooleanColumn.MISSING : byCode[codes[i]];
                    }
                    return BooleanColumn.wrap(name, b);
                }
                return sortedCategorical();
            }
            default -> throw new AssertionError(mode);
        }
    }

    private CategoricalColumn sortedCategorical() {
        int k = levels.size();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        boolean allNumeric = true;
        double[] asNum = new double[k];
        for (int i = 0; i < k && allNumeric; i++) {
            asNum[i] = parseNumber(levels.get(i));
            allNumeric = !Double.isNaN(asNum[i]);
        }
        if (allNumeric) {
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(asNum[a], asNum[b]);
                return c != 0 ? c : levels.get(a).compareTo(levels.get(b));
            });
        } else {
            Arrays.sort(order, (a, b) -> levels.get(a).compareTo(levels.get(b)));
        }
        String[] sorted = new String[k];
        int[] remap = new int[k];
        for (int newCode = 0; newCode < k; newCode++) {
            sorted[newCode] = levels.get(order[newCode]);
            remap[order[newCode]] = newCode;
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            int c = codes[i];
            out[i] = c < 0 ? CategoricalColumn.MISSING : remap[c];
        }
        return CategoricalColumn.wrap(name, out, sorted);
    }

    private static boolean allBooleanWords(List<String> levels) {
        for (String l : levels) {
            if (parseBoolean(l, false) < 0) {
                return false;
            }
        }
        return true;
    }

    private void startNumeric(int capacity) {
        mode = NUMERIC;
        numbers = new double[capacity];
    }

    private void startCategorical(int capacity) {
        mode = CATEGORICAL;
        codes = new int[capacity];
        dict = new Object2IntOpenHashMap<>();
        dict.defaultReturnValue(-1);
        levels = new ArrayList<>();
    }

    private void ensureCodes() {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
        }
    }

    private void addLevel(String s) {
        int c = dict.getInt(s);
        if (c < 0) {
            c = levels.size();
            dict.put(s, c);
            levels.add(s);
        }
        ensureCodes();
        codes[size++] = c;
    }

    private void numericToCategorical() {
        double[] old = numbers;
        int n = size;
        numbers = null;
        startCategorical(Math.max(16, old.length));
        size = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(old[i])) {
                codes[size++] = CategoricalColumn.MISSING;
            } else {
                addLevel(NumericColumn.formatNumber(old[i]));
            }
        }
    }

    /** Numbers in an inferred categorical column are kept in their shortest form, so "1.50" and "1.5" are one level. */
    private static String canonical(String s) {
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            double v = parseNumber(s);
            if (!Double.isNaN(v)) {
                return NumericColumn.formatNumber(v);
            }
        }
        return s;
    }

    private static String trim(String s) {
        int n = s.length();
        if (n == 0 || (s.charAt(0) > ' ' && s.charAt(n - 1) > ' ')) {
            return s;
        }
        return s.strip();
    }

    /**
     * Parses true/false words: 1 for true, 0 for false, -1 (or -2 when {@code allowDigits}) when not
     * a boolean. With {@code allowDigits}, 1/0, y/n and t/f are accepted too.
     */
    private static byte parseBoolean(String s, boolean allowDigits) {
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "true", "yes" -> {
                return 1;
            }
            case "false", "no" -> {
                return 0;
            }
            default -> {
                if (!allowDigits) {
                    return -1;
                }
                return switch (l) {
                    case "1", "y", "t", "1.0" -> 1;
                    case "0", "n", "f", "0.0" -> 0;
                    default -> -2;
                };
            }
        }
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /**
     * Parses a decimal number ({@code [+-]digits[.digits][(e|E)[+-]digits]}, or {@code Infinity});
     * returns NaN when {@code s} is not one (so "1d", "0x10", "1,5" and "abc" are not numbers).
     * Short plain decimals take an exact fast path (mantissa below 2^53 divided by a power of ten
     * up to 10^18, both exact, so the quotient is correctly rounded); the rest go to
     * {@link Double#parseDouble}.
     */
    public static double parseNumber(String s) {
        int n = s.length();
        if (n == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean neg = false;
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') {
            neg = c0 == '-';
            i = 1;
        }
        long mant = 0;
        int digits = 0;
        int frac = -1;
        boolean simple = true;
        int j = i;
        for (; j < n; j++) {
            char c = s.charAt(j);
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                } else {
                    simple = false;
                }
                digits++;
                if (frac >= 0) {
                    frac++;
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                break;
            }
        }
        if (digits == 0) {
            String rest = s.substring(i);
            if (rest.equals("Infinity") || rest.equalsIgnoreCase("inf")) {
                return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        if (j < n) {
            char c = s.charAt(j);
            if (c != 'e' && c != 'E') {
                return Double.NaN;
            }
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k == n) {
                return Double.NaN;
            }
            for (; k < n; k++) {
                char d = s.charAt(k);
                if (d < '0' || d > '9') {
                    return Double.NaN;
                }
            }
            return Double.parseDouble(s);
        }
        if (simple && mant < (1L << 53)) {
            double v = frac <= 0 ? mant : mant / POW10[frac];
            return neg ? -v : v;
        }
        return Double.parseDouble(s);
    }
}
