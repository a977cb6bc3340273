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
 */
public final class ClassificationReport implements Report {
    private static final double EPS = Math.ulp(1.0);

    private final List<String> classes;
    private final int[] truth;
    private final double[][] probabilities;
    private final int[] predicted;
    private final long[][] confusion;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;
    private final double accuracy;
    /** The headline metrics, computed once on first use (the curves sort every class's scores). */
    private Map<String, Double> metrics;

    /**
     * A report for {@code truth[i]} (a class index) against {@code probabilities[i]} (one value per class).
     *
     * @throws IllegalArgumentException on empty input, mismatched lengths, a class index out of range or
     *     a probability that is not finite
     */
    public ClassificationReport(List<String> classes, int[] truth, double[][] probabilities) {
        int k = classes.size();
        if (k < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 0 rows");
        }
        if (probabilities.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + probabilities.length + " predictions");
        }
        this.classes = List.copyOf(classes);
        this.truth = truth.clone();
        this.probabilities = new double[truth.length][];
        this.predicted = new int[truth.length];
        this.confusion = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            if (p.length != k) {
                throw new IllegalArgumentException("row " + i + " has " + p.length + " probabilities for " + k + " classes");
            }
            if (truth[i] < 0 || truth[i] >= k) {
                throw new IllegalArgumentException("row " + i + " has class index " + truth[i] + ", outside 0.." + (k - 1));
            }
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " has a probability of " + v);
                }
            }
            this.probabilities[i] = p.clone();
            predicted[i] = argMax(p);
            confusion[truth[i]][predicted[i]]++;
        }
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
        accuracy = (double) correct / truth.length;
    }

    static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Class names, in index order. */
    public List<String> classes() {
        return classes;
    }

    /** Rows evaluated. */
    public int rows() {
        return truth.length;
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
        return sum / truth.length;
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

    /** The ROC and PR curves of one class against the rest. */
    public BinaryCurves curves(int positiveClass) {
        double[] scores = new double[truth.length];
        boolean[] pos = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            scores[i] = probabilities[i][positiveClass];
            pos[i] = truth[i] == positiveClass;
        }
        return BinaryCurves.of(scores, pos);
    }

    /**
     * ROC-AUC: for two classes, of the second class's probability; for more, the unweighted mean of the
     * one-vs-rest AUCs. NaN when a class has no true rows (the curve is undefined).
     */
    public double rocAuc() {
        return averageOverClasses(true);
    }

    /** PR-AUC as average precision, over the same classes as {@link #rocAuc()}; NaN when undefined. */
    public double prAuc() {
        return averageOverClasses(false);
    }

    private double averageOverClasses(boolean roc) {
        if (Arrays.stream(support).anyMatch(s -> s == 0 || s == truth.length)) {
            return Double.NaN;
        }
        if (classes.size() == 2) {
            BinaryCurves c = curves(1);
            return roc ? c.rocAuc() : c.averagePrecision();
        }
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            BinaryCurves cv = curves(c);
            sum += roc ? cv.rocAuc() : cv.averagePrecision();
        }
        return sum / classes.size();
    }

    /** Mean negative log-likelihood of the true class, probabilities clipped to [eps, 1-eps] and renormalised. */
    public double logLoss() {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            double total = 0;
            double[] clipped = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                clipped[c] = Math.min(Math.max(p[c], EPS), 1 - EPS);
                total += clipped[c];
            }
            sum -= Math.log(clipped[truth[i]] / total);
        }
        return sum / truth.length;
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
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            double own = p[truth[i]];
            int above = 0;
            for (int c = 0; c < p.length; c++) {
                if (p[c] > own || (p[c] == own && c > truth[i])) {
                    above++;
                }
            }
            hits += above < k ? 1 : 0;
        }
        return (double) hits / truth.length;
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
        m.put("roc_auc", rocAuc());
        m.put("pr_auc", prAuc());
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
        s.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy, truth.length));
        s.append(String.format(Locale.ROOT, row, "macro avg", macro(0), macro(1), macro(2), (long) truth.length));
        s.append(String.format(Locale.ROOT, row, "weighted avg", weighted(0), weighted(1), weighted(2), (long) truth.length));
        Map<String, Double> m = metrics();
        s.append(String.format(Locale.ROOT, "%nROC-AUC %.4f   PR-AUC %.4f   log loss %.4f%n", m.get("roc_auc"), m.get("pr_auc"),
                m.get("log_loss")));
        return s.toString();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "classification");
        m.put("rows", truth.length);
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
