package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of an object detector ({@code Task.DETECTION}): per class the VOC-style average precision at
 * IoU 0.5 (all-point interpolated; detections matched to true boxes as PASCAL VOC does, duplicates counted as
 * false positives, missed objects lowering recall), and their mean over the classes with at least one true
 * object (mAP@0.5). A class without true objects has an undefined AP (NaN) and is left out of the mean; a
 * class with objects but no detections has AP 0. Metrics: {@code map_50}.
 */
public final class DetectionReport implements Report {
    private final List<String> classes;
    private final double iou;
    private final long images;
    private final double[] ap;
    private final long[] objects;
    private final int[] detections;
    private final int[] truePositives;

    DetectionReport(DetectionTally tally) {
        this.classes = tally.classes();
        this.iou = tally.iouThreshold();
        this.images = tally.images();
        int k = classes.size();
        this.ap = new double[k];
        this.objects = new long[k];
        this.detections = new int[k];
        this.truePositives = new int[k];
        for (int c = 0; c < k; c++) {
            ap[c] = tally.averagePrecision(c);
            objects[c] = tally.objects(c);
            detections[c] = tally.detections(c);
            truePositives[c] = tally.truePositives(c);
        }
    }

    /** The box classes, in class order. */
    public List<String> classes() {
        return classes;
    }

    /** Images (rows) evaluated. */
    public long rows() {
        return images;
    }

    /** The IoU a detection needs with a true box to match it (0.5). */
    public double iouThreshold() {
        return iou;
    }

    /** The average precision of class {@code k}, NaN when it has no true object. */
    public double averagePrecision(int k) {
        return ap[k];
    }

    /** True objects of class {@code k}. */
    public long objects(int k) {
        return objects[k];
    }

    /** Detections of class {@code k} that were scored (after non-maximum suppression). */
    public int detections(int k) {
        return detections[k];
    }

    /** The average precision of every class by name, in class order. */
    public Map<String, Double> perClassAp() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            m.put(classes.get(k), ap[k]);
        }
        return m;
    }

    /** The mean of the classes' average precisions over the classes with true objects (NaN when none has). */
    public double meanAveragePrecision() {
        double sum = 0;
        int n = 0;
        for (double v : ap) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("map_50", meanAveragePrecision());
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "detection");
        m.put("rows", images);
        m.put("iou_threshold", iou);
        m.put("metrics", Reports.finiteOrNull(metrics()));
        m.put("ap", Reports.finiteOrNull(perClassAp()));
        m.put("classes", classes);
        List<Long> obj = new ArrayList<>();
        List<Integer> det = new ArrayList<>();
        List<Integer> tp = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            obj.add(objects[k]);
            det.add(detections[k]);
            tp.add(truePositives[k]);
        }
        m.put("objects", obj);
        m.put("detections", det);
        m.put("true_positives", tp);
        return m;
    }

    @Override
    public String toHtml() {
        StringBuilder table = new StringBuilder("<h2>Per-class AP</h2><table class=\"metrics\"><tr><th>class</th><th>AP@0.5</th>"
                + "<th>objects</th><th>detections</th><th>true positives</th></tr>");
        for (int k = 0; k < classes.size(); k++) {
            table.append("<tr><td>").append(Svg.escape(classes.get(k))).append("</td><td>")
                    .append(Double.isNaN(ap[k]) ? "undefined" : String.format(Locale.ROOT, "%.4f", ap[k])).append("</td><td>")
                    .append(objects[k]).append("</td><td>").append(detections[k]).append("</td><td>").append(truePositives[k])
                    .append("</td></tr>");
        }
        table.append("</table>\n");
        return HtmlReport.detection(this, table.toString());
    }

    /** A table of per-class AP with object, detection and true-positive counts, then the mAP. */
    @Override
    public String toString() {
        int w = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%" + w + "s %8s %8s %10s %8s%n", "class", "AP@0.5", "objects",
                "detections", "TP"));
        for (int k = 0; k < classes.size(); k++) {
            s.append(String.format(Locale.ROOT, "%" + w + "s %8s %8d %10d %8d%n", classes.get(k),
                    Double.isNaN(ap[k]) ? "-" : String.format(Locale.ROOT, "%.4f", ap[k]), objects[k], detections[k], truePositives[k]));
        }
        s.append(String.format(Locale.ROOT, "%nmAP@0.5 %.4f  (%d images)%n", meanAveragePrecision(), images));
        return s.toString();
    }
}
