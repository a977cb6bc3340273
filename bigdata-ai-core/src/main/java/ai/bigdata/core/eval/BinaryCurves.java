package ai.bigdata.core.eval;

import java.util.Arrays;
import java.util.concurrent.Future;

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
     * arrays), and when both sides hold at least {@value ClassScores#PARALLEL_PART} scores the upper and
     * the lower half of the thresholds are walked at the same time, on two threads: each half starts
     * from the counts above it, so the areas are the same as from one walk up to the rounding of the
     * precision sum.
     */
    static BinaryCurves of(ClassScores s, boolean swap, boolean points) {
        int totalPos = swap ? s.negatives() : s.positives();
        int totalNeg = swap ? s.positives() : s.negatives();
        if (totalPos == 0 || totalNeg == 0) {
            throw new IllegalArgumentException("ROC and PR curves need both classes; got " + totalPos + " positive and "
                    + totalNeg + " negative rows");
        }
        if (points) {
            CurveWalk all = new CurveWalk(s, swap, 0, totalPos, 0, totalNeg, true);
            all.run();
            return new BinaryCurves(Arrays.copyOf(all.fpr, all.distinct + 1), Arrays.copyOf(all.tpr, all.distinct + 1),
                    Arrays.copyOf(all.precision, all.distinct), Arrays.copyOf(all.recall, all.distinct), all.rocAuc(), all.ap);
        }
        if (Math.min(totalPos, totalNeg) < ClassScores.PARALLEL_PART) {
            CurveWalk all = new CurveWalk(s, swap, 0, totalPos, 0, totalNeg, false);
            all.run();
            return new BinaryCurves(new double[0], new double[0], new double[0], new double[0], all.rocAuc(), all.ap);
        }
        double split = middleScore(s, swap, totalPos, totalNeg);
        int posBelow = countBelow(s, swap, true, totalPos, split);
        int negBelow = countBelow(s, swap, false, totalNeg, split);
        CurveWalk upper = new CurveWalk(s, swap, posBelow, totalPos, negBelow, totalNeg, false);
        CurveWalk lower = new CurveWalk(s, swap, 0, posBelow, 0, negBelow, false);
        Future<?> upperDone = EvaluationThreads.start(upper);
        lower.run();
        EvaluationThreads.await(upperDone);
        double rocAuc = (upper.doubledArea + lower.doubledArea) / (2.0 * totalPos * totalNeg);
        return new BinaryCurves(new double[0], new double[0], new double[0], new double[0], rocAuc, upper.ap + lower.ap);
    }

    /** A score near the median of all scores: of the positives' and the negatives' medians, the one that splits all scores more evenly. */
    private static double middleScore(ClassScores s, boolean swap, int totalPos, int totalNeg) {
        long half = ((long) totalPos + totalNeg) / 2;
        double a = positiveAt(s, totalPos / 2, swap);
        double b = negativeAt(s, totalNeg / 2, swap);
        long belowA = (long) countBelow(s, swap, true, totalPos, a) + countBelow(s, swap, false, totalNeg, a);
        long belowB = (long) countBelow(s, swap, true, totalPos, b) + countBelow(s, swap, false, totalNeg, b);
        return Math.abs(belowA - half) <= Math.abs(belowB - half) ? a : b;
    }

    /** How many of the positives ({@code positive}) or negatives, sorted ascending, are below {@code t}. */
    private static int countBelow(ClassScores s, boolean swap, boolean positive, int size, double t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double v = positive ? positiveAt(s, mid, swap) : negativeAt(s, mid, swap);
            if (v < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The i-th positive score in ascending order (swapped: the negated negatives). */
    static double positiveAt(ClassScores s, int i, boolean swap) {
        return swap ? -s.negative(s.negatives() - 1 - i) : s.positive(i);
    }

    /** The i-th negative score in ascending order (swapped: the negated positives). */
    static double negativeAt(ClassScores s, int i, boolean swap) {
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
