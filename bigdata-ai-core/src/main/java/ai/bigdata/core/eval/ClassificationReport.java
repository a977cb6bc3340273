package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every classification metric of one evaluation, computed from true classes and predicted class
 * probabilities: accuracy, per-class precision, recall, F1 and support, macro / micro / weighted
 * averages, the confusion matrix, ROC-AUC (binary, or one-vs-rest macro), PR-AUC (average precision),
 * log loss and top-k accuracy. The definitions follow scikit-learn, including its edge cases (a class
 * never predicted has precision 0; log loss clips probabilities to [eps, 1 - eps] and renormalises).
 * Renders as text in the layout of scikit-learn's {@code classification_report}, as JSON and as HTML.
 *
 * <p>Memory: everything but the curves is a counter. Exact ROC and precision-recall curves need the
 * scores: one float per row for two classes (the second class's probability), one per class and row
 * for more; sorting them for the curves borrows one int per row while it runs (the two parts of a
 * class, its rows and the others, sort at the same time on two threads when both are large). An evaluation {@link Evaluator#withoutCurves() without curves} keeps nothing per row and
 * has no {@code roc_auc} / {@code pr_auc}.
 */
public final class ClassificationReport implements Report {
    private final List<String> classes;
    private final ClassificationTally tally;
    private final int rows;
    private final long[][] confusion;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;
    private final double accuracy;
    /** Whether the scores were sorted for the curves (once, in place). */
    private boolean sorted;
    /** Each class's ROC-AUC and average precision (no curve points), computed once in one walk. */
    private BinaryCurves[] areas;
    /** The headline metrics, computed once on first use (the curves sort every class's scores). */
    private Map<String, Double> metrics;

    /**
     * A report for {@code truth[i]} (a class index) against {@code probabilities[i]} (one value per class).
     *
     * @throws IllegalArgumentException on empty input, mismatched lengths, a class index out of range or
     *     a probability that is not finite
     */
    public ClassificationReport(List<String> classes, int[] truth, double[][] probabilities) {
        this(tallyOf(classes, truth, probabilities));
    }

    private static ClassificationTally tallyOf(List<String> classes, int[] truth, double[][] probabilities) {
        ClassificationTally t = new ClassificationTally(classes, true, false, truth.length);
        int k = classes.size();
        if (probabilities.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + probabilities.length + " predictions");
        }
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            if (p.length != k) {
                throw new IllegalArgumentException("row " + i + " has " + p.length + " probabilities for " + k + " classes");
            }
            if (truth[i] < 0 || truth[i] >= k) {
                throw new IllegalArgumentException("row " + i + " has class index " + truth[i] + ", outside 0.." + (k - 1));
            }
            t.add(truth[i], p, i);
        }
        return t;
    }

    /** The report of a finished tally (the streaming path of the {@link Evaluator}). */
    ClassificationReport(ClassificationTally tally) {
        if (tally.rows == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 0 rows");
        }
        this.tally = tally;
        this.classes = tally.classes;
        this.rows = tally.rows;
        this.confusion = tally.confusion;
        int k = classes.size();
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new long[k];
        long correct = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long predictedC = 0;
            long actualC = 0;
            for (int j = 0; j < k; j++) {
                predictedC += confusion[j][c];
                actualC += confusion[c][j];
            }
            support[c] = actualC;
            precision[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
            recall[c] = actualC == 0 ? 0 : (double) tp / actualC;
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            correct += tp;
        }
        accuracy = (double) correct / rows;
    }

    /** Class names, in index order. */
    public List<String> classes() {
        return classes;
    }

    /** Rows evaluated. */
    public int rows() {
        return rows;
    }

    /** Fraction of rows whose most probable class is the true one. */
    public double accuracy() {
        return accuracy;
    }

    /** Precision of each class (0 for a class never predicted). */
    public double[] precision() {
        return precision.clone();
    }

    /** Recall of each class. */
    public double[] recall() {
        return recall.clone();
    }

    /** F1 of each class. */
    public double[] f1() {
        return f1.clone();
    }

    /** True rows of each class. */
    public long[] support() {
        return support.clone();
    }

    /** Confusion matrix: row = true class, column = predicted class. */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Unweighted mean over classes of precision (0), recall (1) or F1 (2). */
    public double macro(int metric) {
        return Arrays.stream(perClass(metric)).average().orElse(0);
    }

    /** Support-weighted mean over classes of precision (0), recall (1) or F1 (2). */
    public double weighted(int metric) {
        double[] v = perClass(metric);
        double sum = 0;
        for (int c = 0; c < v.length; c++) {
            sum += v[c] * support[c];
        }
        return sum / rows;
    }

    /** Micro-averaged precision, recall and F1; for single-label classification all equal accuracy. */
    public double micro() {
        return accuracy;
    }

    private double[] perClass(int metric) {
        switch (metric) {
            case 0: return precision;
            case 1: return recall;
            case 2: return f1;
            default: throw new IllegalArgumentException("metric must be 0 (precision), 1 (recall) or 2 (F1), got " + metric);
        }
    }

    /** Macro-averaged F1. */
    public double macroF1() {
        return macro(2);
    }

    /** Whether the scores were kept, so that curves and AUCs exist (see {@link Evaluator#withoutCurves()}). */
    public boolean hasCurves() {
        return tally.scores != null;
    }

    /**
     * The ROC and PR curves of one class against the rest. For two classes, only the second class's
     * probability is kept, and class 0's curves rank the rows by it in reverse.
     *
     * @throws IllegalStateException when the evaluation kept no scores ({@link Evaluator#withoutCurves()})
     * @throws IllegalArgumentException when the class has no true rows or all rows are of that class
     */
    public BinaryCurves curves(int positiveClass) {
        return curves(positiveClass, true);
    }

    private synchronized BinaryCurves curves(int positiveClass, boolean points) {
        if (positiveClass < 0 || positiveClass >= classes.size()) {
            throw new IllegalArgumentException("class index " + positiveClass + " is outside 0.." + (classes.size() - 1));
        }
        if (!hasCurves()) {
            throw new IllegalStateException("this evaluation kept no scores (Evaluator.withoutCurves()): no ROC or PR curves");
        }
        if (!sorted) {
            // one scratch buffer, as long as the largest part, serves every class's sort; a spare one lets
            // large positive parts sort on a second thread at the same time
            int longest = 0;
            int spare = 0;
            for (ClassScores s : tally.scores) {
                longest = s == null ? longest : Math.max(longest, s.sortBufferLength());
                spare = s == null ? spare : Math.max(spare, s.spareBufferLength());
            }
            int[] buffer = new int[longest];
            int[] spareBuffer = new int[spare];
            for (ClassScores s : tally.scores) {
                if (s != null) {
                    s.sort(buffer, spareBuffer);
                }
            }
            sorted = true;
        }
        if (classes.size() == 2 && positiveClass == 0) {
            return BinaryCurves.of(tally.scores[1], true, points);
        }
        return BinaryCurves.of(tally.scores[positiveClass], false, points);
    }

    /**
     * ROC-AUC: for two classes, of the second class's probability; for more, the unweighted mean of the
     * one-vs-rest AUCs. NaN when a class has no true rows (the curve is undefined).
     *
     * @throws IllegalStateException when the evaluation kept no scores ({@link Evaluator#withoutCurves()})
     */
    public double rocAuc() {
        return averageOverClasses(true);
    }

    /**
     * PR-AUC as average precision, over the same classes as {@link #rocAuc()}; NaN when undefined.
     *
     * @throws IllegalStateException when the evaluation kept no scores ({@link Evaluator#withoutCurves()})
     */
    public double prAuc() {
        return averageOverClasses(false);
    }

    private double averageOverClasses(boolean roc) {
        if (!hasCurves()) {
            throw new IllegalStateException("this evaluation kept no scores (Evaluator.withoutCurves()): no ROC-AUC or PR-AUC");
        }
        if (Arrays.stream(support).anyMatch(s -> s == 0 || s == rows)) {
            return Double.NaN;
        }
        if (classes.size() == 2) {
            BinaryCurves c = areas(1);
            return roc ? c.rocAuc() : c.averagePrecision();
        }
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            BinaryCurves cv = areas(c);
            sum += roc ? cv.rocAuc() : cv.averagePrecision();
        }
        return sum / classes.size();
    }

    private synchronized BinaryCurves areas(int c) {
        if (areas == null) {
            areas = new BinaryCurves[classes.size()];
        }
        if (areas[c] == null) {
            areas[c] = curves(c, false);
        }
        return areas[c];
    }

    /** Mean negative log-likelihood of the true class, probabilities clipped to [eps, 1-eps] and renormalised. */
    public double logLoss() {
        return tally.logLossSum() / rows;
    }

    /**
     * Fraction of rows whose true class is among the {@code k} most probable ones; among equal
     * probabilities the higher class index ranks first, as in scikit-learn's {@code top_k_accuracy_score}.
     */
    public double topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        long hits = 0;
        for (int a = 0; a < Math.min(k, tally.rankCounts.length); a++) {
            hits += tally.rankCounts[a];
        }
        return (double) hits / rows;
    }

    @Override
    public synchronized Map<String, Double> metrics() {
        if (metrics != null) {
            return metrics;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("precision_macro", macro(0));
        m.put("recall_macro", macro(1));
        m.put("f1_macro", macro(2));
        m.put("precision_weighted", weighted(0));
        m.put("recall_weighted", weighted(1));
        m.put("f1_weighted", weighted(2));
        m.put("f1_micro", micro());
        if (hasCurves()) {
            m.put("roc_auc", rocAuc());
            m.put("pr_auc", prAuc());
        }
        m.put("log_loss", logLoss());
        if (classes.size() > 2) {
            m.put("top2_accuracy", topKAccuracy(2));
        }
        metrics = java.util.Collections.unmodifiableMap(m);
        return metrics;
    }

    /** The report in the layout of scikit-learn's {@code classification_report} (4 digits), then AUCs and log loss. */
    @Override
    public String toString() {
        int width = "weighted avg".length();
        for (String c : classes) {
            width = Math.max(width, c.length());
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9s %9s%n%n", "", "precision", "recall", "f1-score", "support"));
        String row = "%" + width + "s  %9.4f %9.4f %9.4f %9d%n";
        for (int c = 0; c < classes.size(); c++) {
            s.append(String.format(Locale.ROOT, row, classes.get(c), precision[c], recall[c], f1[c], support[c]));
        }
        s.append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy, rows));
        s.append(String.format(Locale.ROOT, row, "macro avg", macro(0), macro(1), macro(2), (long) rows));
        s.append(String.format(Locale.ROOT, row, "weighted avg", weighted(0), weighted(1), weighted(2), (long) rows));
        Map<String, Double> m = metrics();
        if (hasCurves()) {
            s.append(String.format(Locale.ROOT, "%nROC-AUC %.4f   PR-AUC %.4f   log loss %.4f%n", m.get("roc_auc"), m.get("pr_auc"),
                    m.get("log_loss")));
        } else {
            s.append(String.format(Locale.ROOT, "%nlog loss %.4f (no curves kept)%n", m.get("log_loss")));
        }
        return s.toString();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "classification");
        m.put("rows", rows);
        m.put("metrics", Reports.finiteOrNull(metrics()));
        List<Map<String, Object>> per = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("class", classes.get(c));
            pc.put("precision", precision[c]);
            pc.put("recall", recall[c]);
            pc.put("f1", f1[c]);
            pc.put("support", support[c]);
            per.add(pc);
        }
        m.put("classes", per);
        m.put("confusion_matrix", confusionMatrix());
        return m;
    }

    @Override
    public String toHtml() {
        return HtmlReport.classification(this, null);
    }
}
