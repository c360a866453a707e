package io.github.recsys.conversion.linear;

import io.github.recsys.conversion.abtest.StandardNormal;
import io.github.recsys.conversion.data.BinaryClassifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A fitted logistic-regression model: {@code P(y = 1 | x) = 1 / (1 + exp(-(intercept + x . beta)))}.
 *
 * <p><b>Standard errors</b> are the square roots of the diagonal of the inverse Hessian of the
 * <em>penalized</em> objective at the solution, {@code (X^T W X + l2 I_coef)^-1} with
 * {@code W = diag(c_i p_i (1 - p_i))} (the intercept is unpenalized). With {@code l2 = 0}, unit weights
 * and no L1 this is the classical Wald covariance that statistics packages report; with a penalty it
 * is the posterior covariance under the matching Gaussian prior, which is smaller than the
 * frequentist sampling variance, so p-values are then approximate. With class or row weights the
 * rows count as if repeated that many times. With an L1 penalty the L1 term is ignored (inference
 * conditional on the selected features, not valid in the strict sense). z = estimate / SE,
 * p-value = two-sided normal, odds ratio = exp(estimate) with a 95% Wald interval
 * {@code exp(estimate +- 1.96 SE)}.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class LogisticModel implements BinaryClassifier {

    /** Name used for the intercept in {@link #coefficientTable()}. */
    public static final String INTERCEPT = "(intercept)";

    private static final double Z95 = StandardNormal.quantile(0.975);

    private final String[] names;
    private final double[] coefficients;
    private final double intercept;
    private final double[] standardErrors; // p+1 (intercept last) or null
    private final LogisticRegressionConfig config;
    private final ConvergenceReport report;

    /**
     * A model from its parts (arrays are copied).
     *
     * @param names          p feature names
     * @param coefficients   p coefficients (log-odds per unit of each feature)
     * @param intercept      intercept (log-odds at x = 0)
     * @param standardErrors p+1 standard errors, intercept last, or null when not computed
     * @param config         the configuration it was trained with
     * @param report         how training ended
     */
    public LogisticModel(String[] names, double[] coefficients, double intercept, double[] standardErrors,
                         LogisticRegressionConfig config, ConvergenceReport report) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(coefficients, "coefficients");
        if (names.length != coefficients.length) {
            throw new IllegalArgumentException("names has " + names.length + " entries but coefficients has "
                    + coefficients.length);
        }
        if (standardErrors != null && standardErrors.length != coefficients.length + 1) {
            throw new IllegalArgumentException("standardErrors has " + standardErrors.length + " entries, expected "
                    + (coefficients.length + 1));
        }
        for (int j = 0; j < coefficients.length; j++) {
            if (!Double.isFinite(coefficients[j])) {
                throw new IllegalArgumentException("coefficient of '" + names[j] + "' must be finite, was "
                        + coefficients[j]);
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite, was " + intercept);
        }
        this.names = names.clone();
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.standardErrors = standardErrors == null ? null : standardErrors.clone();
        this.config = config;
        this.report = report;
    }

    @Override
    public int featureCount() {
        return coefficients.length;
    }

    /** Linear predictor (log-odds) of the row at {@code x[offset .. offset+p)}. */
    public double logOdds(double[] x, int offset) {
        double eta = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            eta += coefficients[j] * x[offset + j];
        }
        return eta;
    }

    @Override
    public double predictProbability(double[] x, int offset) {
        double eta = logOdds(x, offset);
        if (eta >= 0) {
            return 1.0 / (1.0 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1.0 + e);
    }

    /** Feature names (a copy). */
    public String[] featureNames() {
        return names.clone();
    }

    /** Coefficients in feature order (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The coefficient of the named feature. */
    public double coefficient(String name) {
        return coefficients[index(name)];
    }

    /** The intercept. */
    public double intercept() {
        return intercept;
    }

    /** True when standard errors were computed. */
    public boolean hasStandardErrors() {
        return standardErrors != null;
    }

    /** Standard errors, p coefficients then the intercept (a copy); null when not computed. */
    public double[] standardErrors() {
        return standardErrors == null ? null : standardErrors.clone();
    }

    /** The configuration used for training. */
    public LogisticRegressionConfig config() {
        return config;
    }

    /** How training ended. */
    public ConvergenceReport report() {
        return report;
    }

    private int index(String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + name + "'");
    }

    /**
     * The coefficient table: one row per feature in order, then the intercept (when fit). Without
     * standard errors, the inference columns are NaN.
     */
    public List<CoefficientRow> coefficientTable() {
        List<CoefficientRow> rows = new ArrayList<>(names.length + 1);
        for (int j = 0; j < names.length; j++) {
            rows.add(row(names[j], coefficients[j], standardErrors == null ? Double.NaN : standardErrors[j]));
        }
        if (config == null || config.fitIntercept()) {
            rows.add(row(INTERCEPT, intercept, standardErrors == null ? Double.NaN : standardErrors[names.length]));
        }
        return Collections.unmodifiableList(rows);
    }

    private static CoefficientRow row(String name, double b, double se) {
        double z = b / se;
        double pValue = Double.isNaN(z) ? Double.NaN : 2 * StandardNormal.survival(Math.abs(z));
        return new CoefficientRow(name, b, se, z, pValue, Math.exp(b), Math.exp(b - Z95 * se), Math.exp(b + Z95 * se));
    }

    @Override
    public String toString() {
        return "LogisticModel[" + names.length + " features, " + (report == null ? "" : report.solver() + ", "
                + report.iterations() + " iterations") + "]";
    }
}
