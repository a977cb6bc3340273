package ai.bigdata.core.eval;

import java.util.List;

/**
 * The running state of a classification evaluation, fed one row at a time: the confusion matrix, the
 * log-loss sum, how many classes ranked above the true one (for top-k accuracy) and, only when curves
 * are kept, each row's scores (one per row for two classes, one per class and row for more: exactly
 * what exact ROC and precision-recall curves need). Everything else is a counter.
 */
final class ClassificationTally {
    private static final double EPS = Math.ulp(1.0);
    /**
     * The running product of the rows' (clipped, renormalised) true-class probabilities is folded into
     * {@link #logLossSum} by one logarithm when it falls below this: a factor is at least about
     * {@code EPS / classes}, so the product stays a normal double, and a logarithm per row is saved.
     */
    private static final double FOLD_BELOW = 0x1p-900;

    final List<String> classes;
    final long[][] confusion;
    /** rankCounts[a]: rows whose true class had {@code a} classes ranked above it. */
    final long[] rankCounts;
    /** Scores of class c (index 1 only for two classes); null without curves. */
    final ClassScores[] scores;
    /** Sum of the negative log-likelihoods folded so far (see {@link #logLossSum()}). */
    private double foldedLoss;
    /** Product of the true-class probabilities not yet folded into {@link #foldedLoss}. */
    private double pendingProduct = 1;
    int rows;

    /**
     * An empty tally over {@code classes}; {@code curves} keeps the scores, as float32 when
     * {@code floatScores} (model outputs) or float64, in stores sized for {@code expectedRows}.
     */
    ClassificationTally(List<String> classes, boolean curves, boolean floatScores, int expectedRows) {
        int k = classes.size();
        if (k < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
        }
        this.classes = List.copyOf(classes);
        this.confusion = new long[k][k];
        this.rankCounts = new long[k];
        if (curves) {
            scores = new ClassScores[k];
            for (int c = k == 2 ? 1 : 0; c < k; c++) {
                scores[c] = floatScores ? ClassScores.floats(expectedRows) : ClassScores.doubles(expectedRows);
            }
        } else {
            scores = null;
        }
    }

    /**
     * Adds one row: its true class index and its probabilities (one per class, in class order).
     *
     * @param row the row's position, for error messages
     * @throws IllegalArgumentException when a probability is not finite
     */
    void add(int truth, double[] p, long row) {
        int k = confusion.length;
        int predicted = 0;
        double best = p[0];
        double own = p[truth];
        double total = 0;
        int above = 0;
        for (int c = 0; c < k; c++) {
            double v = p[c];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("row " + row + " has a probability of " + v);
            }
            if (v > best) {
                best = v;
                predicted = c;
            }
            total += clip(v);
            if (v > own || (v == own && c > truth)) {
                above++;
            }
        }
        countRow();
        confusion[truth][predicted]++;
        addLikelihood(clip(own) / total);
        rankCounts[above]++;
        if (scores != null) {
            for (int c = k == 2 ? 1 : 0; c < k; c++) {
                scores[c].add(truth == c, p[c]);
            }
        }
    }

    /**
     * Adds one row of a two-class problem: its true class (0 or 1) and the two probabilities. The same
     * counts as {@link #add(int, double[], long)} with {@code {p0, p1}}, without the loops over classes.
     *
     * @throws IllegalArgumentException when a probability is not finite
     */
    void addTwo(int truth, double p0, double p1, long row) {
        if (!(Double.isFinite(p0) && Double.isFinite(p1))) {
            throw new IllegalArgumentException("row " + row + " has a probability of " + (Double.isFinite(p0) ? p1 : p0));
        }
        countRow();
        boolean one = truth == 1;
        confusion[truth][p1 > p0 ? 1 : 0]++;
        double c0 = clip(p0);
        double c1 = clip(p1);
        addLikelihood((one ? c1 : c0) / (c0 + c1));
        // classes ranked above the true one; equal probabilities rank the higher class first
        rankCounts[one ? (p0 > p1 ? 1 : 0) : (p1 >= p0 ? 1 : 0)]++;
        if (scores != null) {
            scores[1].add(one, p1);
        }
    }

    /**
     * Adds the rows of {@code other}, a tally of other rows over the same classes (the part of another
     * partition): counters add up, scores are appended, and the log-loss sums add.
     *
     * @throws IllegalArgumentException when the classes or the keeping of scores differ
     */
    void absorb(ClassificationTally other) {
        if (!classes.equals(other.classes)) {
            throw new IllegalArgumentException("cannot merge an evaluation over " + other.classes + " into one over " + classes);
        }
        if ((scores == null) != (other.scores == null)) {
            throw new IllegalArgumentException("cannot merge an evaluation " + (other.scores == null ? "without" : "with")
                    + " curves into one " + (scores == null ? "without" : "with") + " them");
        }
        if ((long) rows + other.rows > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows in one evaluation");
        }
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                confusion[t][p] += other.confusion[t][p];
            }
            rankCounts[t] += other.rankCounts[t];
        }
        foldedLoss += other.logLossSum();
        rows += other.rows;
        if (scores != null) {
            for (int c = 0; c < scores.length; c++) {
                if (scores[c] != null) {
                    scores[c].addAll(other.scores[c]);
                }
            }
        }
    }

    /** Sets the log-loss sum of a tally read back from its bytes (nothing folded is pending). */
    void restoreLogLoss(double sum) {
        foldedLoss = sum;
        pendingProduct = 1;
    }

    /** Sum over the rows so far of the negative log of the true class's clipped, renormalised probability. */
    double logLossSum() {
        return foldedLoss - Math.log(pendingProduct);
    }

    private void countRow() {
        if (rows == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows in one evaluation");
        }
        rows++;
    }

    /** Multiplies {@code q} (in (0, 1]) into the pending product, folding it into a logarithm when small. */
    private void addLikelihood(double q) {
        double product = pendingProduct * q;
        if (product < FOLD_BELOW) {
            foldedLoss -= Math.log(product);
            product = 1;
        }
        pendingProduct = product;
    }

    /** {@code v} (finite) clipped to [EPS, 1 - EPS]; comparisons, cheaper than Math.min/max's NaN and -0.0 handling. */
    private static double clip(double v) {
        return v < EPS ? EPS : v > 1 - EPS ? 1 - EPS : v;
    }
}
