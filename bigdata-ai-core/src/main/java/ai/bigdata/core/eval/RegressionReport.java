package ai.bigdata.core.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Regression metrics of one evaluation, as scikit-learn defines them (uniform average over outputs):
 * MSE, RMSE, MAE, R² (1 for a perfect fit of a constant target, 0 for an imperfect one) and MAPE
 * (absolute error over {@code max(|y|, eps)}, as a fraction).
 *
 * <p>Memory: every metric is a running sum (the target's variance for R² by blocks, merged with Chan's
 * formula), so an evaluation keeps nothing per row; no quantile metric (such as the median absolute
 * error) is offered, as it would need every value. The chart shows an evenly spaced sample of at most
 * 4,096 rows.
 */
public final class RegressionReport implements Report {
    private final int rows;
    private final double mse;
    private final double mae;
    private final double r2;
    private final double mape;
    private final double[] truth;
    private final double[] predicted;
    private final long sampleStride;

    /**
     * A report of {@code predicted[i][j]} against {@code truth[i][j]} (row i, output j).
     *
     * @throws IllegalArgumentException on empty or ragged input or a value that is not finite
     */
    public RegressionReport(double[][] truth, double[][] predicted) {
        this(tallyOf(truth, predicted));
    }

    private static RegressionTally tallyOf(double[][] truth, double[][] predicted) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 0 rows");
        }
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " true values but " + predicted.length + " predictions");
        }
        int outputs = truth[0].length;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i].length != outputs || predicted[i].length != outputs) {
                throw new IllegalArgumentException("row " + i + " has " + truth[i].length + " true and " + predicted[i].length
                        + " predicted values, expected " + outputs);
            }
        }
        RegressionTally t = new RegressionTally(outputs);
        t.add(new RegressionTally.Block() {
            @Override
            public int rows() {
                return truth.length;
            }

            @Override
            public int outputs() {
                return outputs;
            }

            @Override
            public double truth(int r, int j) {
                return truth[r][j];
            }

            @Override
            public double predicted(int r, int j) {
                return predicted[r][j];
            }
        }, 0);
        return t;
    }

    /** The report of a finished tally (the streaming path of the {@link Evaluator}). */
    RegressionReport(RegressionTally t) {
        if (t.rows == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 0 rows");
        }
        int n = t.rows;
        double mseSum = 0;
        double maeSum = 0;
        double r2Sum = 0;
        double mapeSum = 0;
        for (int j = 0; j < t.outputs; j++) {
            double ssRes = t.squared[j];
            double ssTot = t.m2[j];
            mseSum += ssRes / n;
            maeSum += t.absolute[j] / n;
            mapeSum += t.relative[j] / n;
            r2Sum += ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        }
        this.rows = n;
        this.mse = mseSum / t.outputs;
        this.mae = maeSum / t.outputs;
        this.r2 = r2Sum / t.outputs;
        this.mape = mapeSum / t.outputs;
        this.truth = t.sampleTruth();
        this.predicted = t.samplePredicted();
        this.sampleStride = t.sampleStride;
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

    /** True values of the first output, every {@link #sampleStride()}-th row (for charts). */
    double[] truthOfFirstOutput() {
        return truth.clone();
    }

    /** Predictions of the first output, every {@link #sampleStride()}-th row (for charts). */
    double[] predictedOfFirstOutput() {
        return predicted.clone();
    }

    /** The rows kept for charts are every sampleStride-th row. */
    long sampleStride() {
        return sampleStride;
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
