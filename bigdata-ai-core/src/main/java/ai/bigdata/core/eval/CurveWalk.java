package ai.bigdata.core.eval;

/**
 * One walk down the distinct thresholds of sorted scores, over a band of them: the positives at
 * ascending indices {@code [posFrom, posTo)} and the negatives at {@code [negFrom, negTo)}, every score
 * above the band already counted. It sums the ROC area exactly, in integers (twice the trapezoids in
 * units of one positive times one negative), and the average precision in floating point, and with
 * {@code points} records the curves' points. The sums of walks over adjacent bands add up to those of
 * one walk over both.
 */
final class CurveWalk implements Runnable {
    private final ClassScores s;
    private final boolean swap;
    private final int posFrom;
    private final int posTo;
    private final int negFrom;
    private final int negTo;
    private final long totalPos;
    private final long totalNeg;
    final double[] fpr;
    final double[] tpr;
    final double[] precision;
    final double[] recall;
    /** Distinct thresholds walked. */
    int distinct;
    /** Twice the ROC area of the band, in units of one positive times one negative. */
    long doubledArea;
    /** The band's part of the average precision. */
    double ap;

    CurveWalk(ClassScores s, boolean swap, int posFrom, int posTo, int negFrom, int negTo, boolean points) {
        this.s = s;
        this.swap = swap;
        this.posFrom = posFrom;
        this.posTo = posTo;
        this.negFrom = negFrom;
        this.negTo = negTo;
        this.totalPos = swap ? s.negatives() : s.positives();
        this.totalNeg = swap ? s.positives() : s.negatives();
        int n = points ? (posTo - posFrom) + (negTo - negFrom) : 0;
        this.fpr = points ? new double[n + 1] : null;
        this.tpr = points ? new double[n + 1] : null;
        this.precision = points ? new double[n] : null;
        this.recall = points ? new double[n] : null;
    }

    @Override
    public void run() {
        int i = posTo - 1;
        int j = negTo - 1;
        long tp = totalPos - posTo;
        long fp = totalNeg - negTo;
        long lastTp = tp;
        long lastFp = fp;
        double prevRecall = (double) tp / totalPos;
        // the next positive and negative score from the top; -infinity once a side is used up (scores are finite)
        double pv = positive(i);
        double nv = negative(j);
        // one score a step, the higher of the two next ones (either on a tie), without a branch on which it
        // is; a point closes when the next score is lower, so equal scores of both sides share their point
        while (i >= posFrom || j >= negFrom) {
            double v = Math.max(pv, nv);
            // 1 when the positive is higher (the sign bit of nv - pv), else 0: no branch to mispredict
            int one = (int) (Double.doubleToRawLongBits(nv - pv) >>> 63);
            tp += one;
            fp += 1 - one;
            i -= one;
            j -= 1 - one;
            pv = positive(i);
            nv = negative(j);
            if (Math.max(pv, nv) == v) {
                continue;
            }
            doubledArea += (fp - lastFp) * (tp + lastTp);
            double r = (double) tp / totalPos;
            double p = (double) tp / (tp + fp);
            ap += (r - prevRecall) * p;
            prevRecall = r;
            lastTp = tp;
            lastFp = fp;
            if (fpr != null) {
                fpr[distinct + 1] = (double) fp / totalNeg;
                tpr[distinct + 1] = r;
                precision[distinct] = p;
                recall[distinct] = r;
            }
            distinct++;
        }
    }

    /** The positive score at ascending index {@code i}, or -infinity below the band. */
    private double positive(int i) {
        return i >= posFrom ? BinaryCurves.positiveAt(s, i, swap) : Double.NEGATIVE_INFINITY;
    }

    /** The negative score at ascending index {@code j}, or -infinity below the band. */
    private double negative(int j) {
        return j >= negFrom ? BinaryCurves.negativeAt(s, j, swap) : Double.NEGATIVE_INFINITY;
    }

    /** The ROC area of the band (of the whole curve when the band holds every score). */
    double rocAuc() {
        return doubledArea / (2.0 * totalPos * totalNeg);
    }
}
