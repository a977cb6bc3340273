package ai.bigdata.core.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Regression metrics of one evaluation, as scikit-learn defines them (uniform average over outputs):
 * MSE, RMSE, MAE, R² (1 for a perfect fit of a constant target, 0 for an imperfect one) and MAPE
 * (absolute error over {@code max(|y|, eps)}, as a fraction).
 */
public final class RegressionReport implements Report {
    private static final double EPS = Math.ulp(1.0);

    private final int rows;
    private final double mse;
    private final double mae;
    private final double r2;
    private final double mape;
    private final double[] truth;
    private final double[] predicted;

    /**
     * A report of {@code predicted[i][j]} against {@code truth[i][j]} (row i, output j).
     *
     * @throws IllegalArgumentException on empty or ragged input or a value that is not finite
     */
    public RegressionReport(double[][] truth, double[][] predicted) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 0 rows");
        }
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " true values but " + predicted.length + " predictions");
        }
        int outputs = truth[0].length;
        int n = truth.length;
        double mseSum = 0;
        double maeSum = 0;
        double r2Sum = 0;
        double mapeSum = 0;
        for (int j = 0; j < outputs; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                check(truth[i], predicted[i], outputs, i);
                mean += truth[i][j];
            }
            mean /= n;
            double ssRes = 0;
            double ssTot = 0;
            double abs = 0;
            double pct = 0;
            for (int i = 0; i < n; i++) {
                double y = truth[i][j];
                double e = y - predicted[i][j];
                ssRes += e * e;
                ssTot += (y - mean) * (y - mean);
                abs += Math.abs(e);
                pct += Math.abs(e) / Math.max(Math.abs(y), EPS);
            }
            mseSum += ssRes / n;
            maeSum += abs / n;
            mapeSum += pct / n;
            r2Sum += ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        }
        this.rows = n;
        this.mse = mseSum / outputs;
        this.mae = maeSum / outputs;
        this.r2 = r2Sum / outputs;
        this.mape = mapeSum / outputs;
        this.truth = new double[n];
        this.predicted = new double[n];
        for (int i = 0; i < n; i++) {
            this.truth[i] = truth[i][0];
            this.predicted[i] = predicted[i][0];
        }
    }

    private static void check(double[] y, double[] p, int outputs, int row) {
        if (y.length != outputs || p.length != outputs) {
            throw new IllegalArgumentException("row " + row + " has " + y.length + " true and " + p.length + " predicted values, "
                    + "expected " + outputs);
        }
        for (int j = 0; j < outputs; j++) {
            if (!Double.isFinite(y[j]) || !Double.isFinite(p[j])) {
                throw new IllegalArgumentException("row " + row + " output " + j + ": true " + y[j] + ", predicted " + p[j]);
            }
        }
    }

    /** Rows evaluated. */
    public int rows() {
        return rows;
    }

    /** Mean squared error. */
    public double mse() {
        return mse;
    }

    /** Root of the mean squared error. */
    public double rmse() {
        return Math.sqrt(mse);
    }

    /** Mean absolute error. */
    public double mae() {
        return mae;
    }

    /** Coefficient of determination. */
    public double r2() {
        return r2;
    }

    /** Mean absolute percentage error, as a fraction (0.05 = 5 %). */
    public double mape() {
        return mape;
    }

    /** True values of the first output (for charts). */
    double[] truthOfFirstOutput() {
        return truth.clone();
    }

    /** Predictions of the first output (for charts). */
    double[] predictedOfFirstOutput() {
        return predicted.clone();
    }

    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mse", mse);
        m.put("rmse", rmse());
        m.put("mae", mae);
        m.put("r2", r2);
        m.put("mape", mape);
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "regression");
        m.put("rows", rows);
        m.put("metrics", Reports.finiteOrNull(metrics()));
        return m;
    }

    @Override
    public String toHtml() {
        return HtmlReport.regression(this, null);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rows %d%nMSE  %.6f%nRMSE %.6f%nMAE  %.6f%nR2   %.6f%nMAPE %.6f%n", rows, mse, rmse(), mae, r2, mape);
    }
}
