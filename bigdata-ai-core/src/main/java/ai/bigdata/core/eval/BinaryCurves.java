package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ROC and precision-recall curves of one binary problem (scores against 0/1 truth), with their areas
 * computed as scikit-learn does: ROC-AUC by the trapezoid rule over distinct thresholds, PR-AUC as
 * average precision (a step sum, no interpolation).
 */
public final class BinaryCurves {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] precision;
    private final double[] recall;
    private final double rocAuc;
    private final double averagePrecision;

    private BinaryCurves(double[] fpr, double[] tpr, double[] precision, double[] recall, double rocAuc, double ap) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.precision = precision;
        this.recall = recall;
        this.rocAuc = rocAuc;
        this.averagePrecision = ap;
    }

    /**
     * The curves of {@code scores} (higher means more likely positive) against {@code positive}.
     *
     * @throws IllegalArgumentException when one class is absent (the curves are undefined)
     */
    public static BinaryCurves of(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException(n + " scores but " + positive.length + " labels");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long totalPos = 0;
        for (boolean p : positive) {
            totalPos += p ? 1 : 0;
        }
        long totalNeg = n - totalPos;
        if (totalPos == 0 || totalNeg == 0) {
            throw new IllegalArgumentException("ROC and PR curves need both classes; got " + totalPos + " positive and "
                    + totalNeg + " negative rows");
        }
        List<double[]> points = new ArrayList<>(); // tp, fp at each distinct threshold
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (positive[r]) {
                tp++;
            } else {
                fp++;
            }
            if (i == n - 1 || scores[order[i + 1]] != scores[r]) {
                points.add(new double[] {tp, fp});
            }
        }
        int m = points.size();
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] prec = new double[m];
        double[] rec = new double[m];
        double auc = 0;
        double ap = 0;
        double prevRecall = 0;
        for (int k = 0; k < m; k++) {
            double t = points.get(k)[0];
            double f = points.get(k)[1];
            fpr[k + 1] = f / totalNeg;
            tpr[k + 1] = t / totalPos;
            auc += (fpr[k + 1] - fpr[k]) * (tpr[k + 1] + tpr[k]) / 2;
            prec[k] = t / (t + f);
            rec[k] = t / totalPos;
            ap += (rec[k] - prevRecall) * prec[k];
            prevRecall = rec[k];
        }
        return new BinaryCurves(fpr, tpr, prec, rec, auc, ap);
    }

    /** Area under the ROC curve. */
    public double rocAuc() {
        return rocAuc;
    }

    /** Average precision (area under the precision-recall curve as a step sum). */
    public double averagePrecision() {
        return averagePrecision;
    }

    /** False-positive rates of the ROC points, from (0, 0). */
    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    /** True-positive rates of the ROC points, from (0, 0). */
    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /** Precision at each distinct threshold, highest threshold first. */
    public double[] precisions() {
        return precision.clone();
    }

    /** Recall at each distinct threshold, highest threshold first. */
    public double[] recalls() {
        return recall.clone();
    }
}
