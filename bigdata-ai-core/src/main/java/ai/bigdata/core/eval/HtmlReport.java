package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders reports as one self-contained HTML page: a metrics table and inline SVG charts (loss curves
 * from a training history, confusion-matrix heat map, ROC and precision-recall curves, or predicted
 * against true values). No scripts and no external files, so it opens anywhere.
 */
public final class HtmlReport {
    private static final int MAX_CURVES = 10;
    private static final int MAX_POINTS = 2000;

    private HtmlReport() {
    }

    /**
     * The page of a classification report; {@code curves} (for example {@code TrainingHistory.curves()})
     * adds a loss-curve chart, null leaves it out.
     */
    public static String classification(ClassificationReport r, Map<String, double[]> curves) {
        StringBuilder body = new StringBuilder();
        body.append(metricsTable(r.metrics()));
        body.append("<h2>Per class</h2><pre>").append(Svg.escape(r.toString())).append("</pre>\n");
        body.append(lossCurves(curves));
        body.append("<h2>Confusion matrix</h2>").append(Svg.heatMap("confusion", "Confusion matrix", r.classes(), r.confusionMatrix()));
        if (r.hasCurves() && !Double.isNaN(r.metrics().get("roc_auc"))) {
            List<Svg.Series> roc = new ArrayList<>();
            List<Svg.Series> pr = new ArrayList<>();
            int from = r.classes().size() == 2 ? 1 : 0;
            for (int c = from; c < Math.min(r.classes().size(), MAX_CURVES); c++) {
                BinaryCurves bc = r.curves(c);
                String name = r.classes().get(c) + String.format(Locale.ROOT, " (AUC %.3f)", bc.rocAuc());
                roc.add(new Svg.Series(name, bc.falsePositiveRates(), bc.truePositiveRates()));
                pr.add(new Svg.Series(r.classes().get(c) + String.format(Locale.ROOT, " (AP %.3f)", bc.averagePrecision()),
                        bc.recalls(), bc.precisions()));
            }
            double[] unit = {0, 1, 0, 1};
            body.append("<h2>ROC and precision-recall curves</h2>")
                    .append(Svg.chart("roc", "ROC curves (one class against the rest)", "false positive rate", "true positive rate",
                            roc, false, unit))
                    .append(Svg.chart("pr", "Precision-recall curves", "recall", "precision", pr, false, unit));
        }
        return page("Classification report", body.toString());
    }

    /** The page of a regression report, with predicted against true values and optional loss curves. */
    public static String regression(RegressionReport r, Map<String, double[]> curves) {
        StringBuilder body = new StringBuilder();
        body.append(metricsTable(r.metrics()));
        body.append(lossCurves(curves));
        double[] y = r.truthOfFirstOutput();
        double[] p = r.predictedOfFirstOutput();
        int step = Math.max(1, y.length / MAX_POINTS);
        int n = (y.length + step - 1) / step;
        double[] ys = new double[n];
        double[] ps = new double[n];
        for (int i = 0, k = 0; i < y.length && k < n; i += step, k++) {
            ys[k] = y[i];
            ps[k] = p[i];
        }
        body.append("<h2>Predicted against true</h2>")
                .append(Svg.chart("scatter", "Predicted against true values"
                        + (step * r.sampleStride() > 1 ? " (every " + step * r.sampleStride() + "th row)" : ""),
                        "true", "predicted", List.of(new Svg.Series("rows", ys, ps)), true, null));
        return page("Regression report", body.toString());
    }

    /** The page of a segmentation report: its metrics and the given per-class table. */
    public static String segmentation(SegmentationReport r, String perClassTable) {
        return page("Segmentation report", metricsTable(r.metrics()) + perClassTable);
    }

    /** The page of a detection report: its metrics and the given per-class table. */
    public static String detection(DetectionReport r, String perClassTable) {
        return page("Detection report", metricsTable(r.metrics()) + perClassTable);
    }

    /** The page of a sequence report: its metrics. */
    public static String sequence(SequenceReport r) {
        return page("Sequence report", metricsTable(r.metrics()));
    }

    private static String lossCurves(Map<String, double[]> curves) {
        if (curves == null || curves.isEmpty()) {
            return "";
        }
        List<Svg.Series> series = new ArrayList<>();
        curves.forEach((name, values) -> {
            double[] x = new double[values.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            series.add(new Svg.Series(name, x, values));
        });
        return "<h2>Training</h2>" + Svg.chart("loss", "Loss and metrics per epoch", "epoch", "value", series, false, null);
    }

    private static String metricsTable(Map<String, Double> metrics) {
        StringBuilder s = new StringBuilder("<table class=\"metrics\"><tr><th>metric</th><th>value</th></tr>");
        metrics.forEach((k, v) -> s.append("<tr><td>").append(Svg.escape(k)).append("</td><td>")
                .append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "undefined").append("</td></tr>"));
        return s.append("</table>\n").toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title><style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1000px}table.metrics td,table.metrics th{padding:2px 10px;"
                + "border-bottom:1px solid #ddd;text-align:left}figure{display:inline-block;margin:1em}pre{background:#f6f6f6;"
                + "padding:1em}</style></head><body><h1>" + title + "</h1>\n" + body + "</body></html>\n";
    }
}
