package ai.bigdata.core.eval;

import java.util.Arrays;

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
        ClassScores s = ClassScores.doubles(n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
            s.add(positive[i], scores[i]);
        }
        s.sort(new int[0], new int[0]); // float64 scores sort with Arrays.sort: the scratch is never read
        return of(s, false, true);
    }

    /**
     * The curves of sorted scores, walked from the highest threshold down; {@code swap} takes the other
     * rows as the positives and ranks by the negated scores (class 0 of a two-class problem whose store
     * holds class 1's probability). Without {@code points} only the areas are computed (no per-threshold
     * arrays).
     */
    static BinaryCurves of(ClassScores s, boolean swap, boolean points) {
        long totalPos = swap ? s.negatives() : s.positives();
        long totalNeg = swap ? s.positives() : s.negatives();
        if (totalPos == 0 || totalNeg == 0) {
            throw new IllegalArgumentException("ROC and PR curves need both classes; got " + totalPos + " positive and "
                    + totalNeg + " negative rows");
        }
        int i = (int) totalPos - 1;
        int j = (int) totalNeg - 1;
        int distinct = 0;
        double[] fpr = points ? new double[(int) (totalPos + totalNeg) + 1] : null;
        double[] tpr = points ? new double[fpr.length] : null;
        double[] prec = points ? new double[fpr.length - 1] : null;
        double[] rec = points ? new double[fpr.length - 1] : null;
        long tp = 0;
        long fp = 0;
        double lastFpr = 0;
        double lastTpr = 0;
        double auc = 0;
        double ap = 0;
        double prevRecall = 0;
        // the next positive and negative score from the top; -infinity once a side is used up (scores are finite)
        double pv = i >= 0 ? positiveAt(s, i, swap) : Double.NEGATIVE_INFINITY;
        double nv = j >= 0 ? negativeAt(s, j, swap) : Double.NEGATIVE_INFINITY;
        while (i >= 0 || j >= 0) {
            double threshold = pv >= nv ? pv : nv;
            while (pv == threshold) {
                tp++;
                i--;
                pv = i >= 0 ? positiveAt(s, i, swap) : Double.NEGATIVE_INFINITY;
            }
            while (nv == threshold) {
                fp++;
                j--;
                nv = j >= 0 ? negativeAt(s, j, swap) : Double.NEGATIVE_INFINITY;
            }
            double t = tp;
            double f = fp;
            double x = f / totalNeg;
            double y = t / totalPos;
            auc += (x - lastFpr) * (y + lastTpr) / 2;
            double p = t / (t + f);
            double r = y;
            ap += (r - prevRecall) * p;
            prevRecall = r;
            lastFpr = x;
            lastTpr = y;
            if (points) {
                fpr[distinct + 1] = x;
                tpr[distinct + 1] = y;
                prec[distinct] = p;
                rec[distinct] = r;
            }
            distinct++;
        }
        if (!points) {
            return new BinaryCurves(new double[0], new double[0], new double[0], new double[0], auc, ap);
        }
        return new BinaryCurves(Arrays.copyOf(fpr, distinct + 1), Arrays.copyOf(tpr, distinct + 1), Arrays.copyOf(prec, distinct),
                Arrays.copyOf(rec, distinct), auc, ap);
    }

    /** The i-th positive score in ascending order (swapped: the negated negatives). */
    private static double positiveAt(ClassScores s, int i, boolean swap) {
        return swap ? -s.negative(s.negatives() - 1 - i) : s.positive(i);
    }

    /** The i-th negative score in ascending order (swapped: the negated positives). */
    private static double negativeAt(ClassScores s, int i, boolean swap) {
        return swap ? -s.positive(s.positives() - 1 - i) : s.negative(i);
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
