package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of every fold of a cross-validation, with the mean and standard deviation of each metric.
 *
 * <p>Metric names, as in {@link Report#metrics()}:
 * <ul>
 *   <li>classification: {@code accuracy}, {@code precision_macro}, {@code recall_macro}, {@code f1_macro},
 *       {@code precision_weighted}, {@code recall_weighted}, {@code f1_weighted}, {@code f1_micro},
 *       {@code roc_auc}, {@code pr_auc}, {@code log_loss}, and {@code top2_accuracy} for three or more
 *       classes;</li>
 *   <li>regression: {@code mse}, {@code rmse}, {@code mae}, {@code r2}, {@code mape}.</li>
 * </ul>
 */
public final class CrossValidationReport {
    private final List<Report> folds;

    CrossValidationReport(List<Report> folds) {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no folds");
        }
        this.folds = List.copyOf(folds);
    }

    /** The report of each fold's held-out part, in fold order. */
    public List<Report> folds() {
        return folds;
    }

    /**
     * The mean of a metric over the folds, for example {@code mean("accuracy")}; the valid names are listed
     * in the class description and by {@link #metricNames()}.
     *
     * @throws UnknownMetricException when no fold has that metric (the message lists the valid names)
     */
    public double mean(String metric) {
        return values(metric).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * The population standard deviation of a metric over the folds (as numpy's {@code std()}).
     *
     * @throws UnknownMetricException when no fold has that metric (the message lists the valid names)
     */
    public double std(String metric) {
        double m = mean(metric);
        return Math.sqrt(values(metric).stream().mapToDouble(v -> (v - m) * (v - m)).average().orElseThrow());
    }

    /**
     * The metric's value in each fold.
     *
     * @throws UnknownMetricException when no fold has that metric (the message lists the valid names)
     */
    public List<Double> values(String metric) {
        List<Double> v = new ArrayList<>();
        for (Report r : folds) {
            Double x = r.metrics().get(metric);
            if (x == null) {
                throw new UnknownMetricException(metric, metricNames());
            }
            v.add(x);
        }
        return v;
    }

    /** The names of the metrics every fold has, in report order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(folds.get(0).metrics().keySet());
        for (Report r : folds) {
            names.retainAll(r.metrics().keySet());
        }
        return List.copyOf(names);
    }

    /** Mean and standard deviation of every metric, as plain maps. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds.size());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String k : metricNames()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("mean", finite(mean(k)));
            s.put("std", finite(std(k)));
            s.put("values", values(k).stream().map(CrossValidationReport::finite).toList());
            summary.put(k, s);
        }
        m.put("metrics", summary);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The summary as JSON. */
    public String toJson() {
        return Reports.json(toMap());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d-fold cross-validation%n", folds.size()));
        for (String k : metricNames()) {
            s.append(String.format(Locale.ROOT, "%-20s %.4f +/- %.4f%n", k, mean(k), std(k)));
        }
        return s.toString();
    }
}
