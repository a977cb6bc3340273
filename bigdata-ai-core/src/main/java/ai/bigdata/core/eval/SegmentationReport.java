package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a per-element classifier (semantic segmentation, {@code Task.SEGMENTATION}), from the
 * confusion counts over every mask element: per-class intersection over union (IoU = true positives /
 * (true positives + false positives + false negatives)), their mean, pixel accuracy and log loss. A
 * class that is neither in the truth nor predicted has an undefined IoU (NaN) and is left out of the
 * mean. Metrics: {@code mean_iou}, {@code pixel_accuracy}, {@code log_loss}.
 */
public final class SegmentationReport implements Report {
    private final List<String> classes;
    private final long[][] confusion;
    private final long rows;
    private final double logLoss;

    SegmentationReport(SegmentationTally tally) {
        this.classes = tally.classes();
        this.confusion = tally.confusion();
        this.rows = tally.rows();
        long elements = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                elements += v;
            }
        }
        this.logLoss = elements == 0 ? Double.NaN : tally.logLossSum() / elements;
    }

    /** The class names, in class id order. */
    public List<String> classes() {
        return classes;
    }

    /** Rows (images) evaluated. */
    public long rows() {
        return rows;
    }

    /** The confusion counts: {@code [true class][predicted class]}, over every mask element (a copy). */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The IoU of class {@code k}, NaN when the class is neither in the truth nor predicted. */
    public double iou(int k) {
        long tp = confusion[k][k];
        long union = -tp;
        for (int j = 0; j < confusion.length; j++) {
            union += confusion[k][j] + confusion[j][k];
        }
        return union == 0 ? Double.NaN : (double) tp / union;
    }

    /** The IoU of every class by name, in class order. */
    public Map<String, Double> perClassIou() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            m.put(classes.get(k), iou(k));
        }
        return m;
    }

    /** The mean IoU over the classes whose IoU is defined (NaN when none is). */
    public double meanIou() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < classes.size(); k++) {
            double v = iou(k);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The fraction of elements whose class is predicted right. */
    public double pixelAccuracy() {
        long right = 0;
        long all = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
            for (long v : confusion[i]) {
                all += v;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** Mean negative log probability of the true class per element. */
    public double logLoss() {
        return logLoss;
    }

    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_iou", meanIou());
        m.put("pixel_accuracy", pixelAccuracy());
        m.put("log_loss", logLoss);
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "segmentation");
        m.put("rows", rows);
        m.put("metrics", Reports.finiteOrNull(metrics()));
        m.put("iou", Reports.finiteOrNull(perClassIou()));
        List<List<Long>> counts = new ArrayList<>();
        for (long[] row : confusion) {
            counts.add(java.util.Arrays.stream(row).boxed().toList());
        }
        m.put("classes", classes);
        m.put("confusion", counts);
        return m;
    }

    @Override
    public String toHtml() {
        StringBuilder table = new StringBuilder("<h2>Per-class IoU</h2><table class=\"metrics\"><tr><th>class</th><th>IoU</th></tr>");
        perClassIou().forEach((k, v) -> table.append("<tr><td>").append(Svg.escape(k)).append("</td><td>")
                .append(Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4f", v)).append("</td></tr>"));
        table.append("</table>\n");
        return HtmlReport.segmentation(this, table.toString());
    }

    /** A table of per-class IoU with true and predicted element counts, then the mean IoU and pixel accuracy. */
    @Override
    public String toString() {
        int w = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%" + w + "s %8s %12s %12s%n", "class", "IoU", "true", "predicted"));
        for (int k = 0; k < classes.size(); k++) {
            long truth = 0;
            long predicted = 0;
            for (int j = 0; j < confusion.length; j++) {
                truth += confusion[k][j];
                predicted += confusion[j][k];
            }
            double v = iou(k);
            s.append(String.format(Locale.ROOT, "%" + w + "s %8s %12d %12d%n", classes.get(k),
                    Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v), truth, predicted));
        }
        s.append(String.format(Locale.ROOT, "%nmean IoU %.4f  pixel accuracy %.4f  log loss %.4f  (%d images)%n", meanIou(),
                pixelAccuracy(), logLoss, rows));
        return s.toString();
    }
}
