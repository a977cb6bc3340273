package ai.bigdata.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The reports of every fold of a cross-validation, with the mean and standard deviation of each metric. */
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

    /** The mean of a metric over the folds. */
    public double mean(String metric) {
        return values(metric).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The population standard deviation of a metric over the folds (as numpy's {@code std()}). */
    public double std(String metric) {
        double m = mean(metric);
        return Math.sqrt(values(metric).stream().mapToDouble(v -> (v - m) * (v - m)).average().orElseThrow());
    }

    /** The metric's value in each fold. */
    public List<Double> values(String metric) {
        List<Double> v = new ArrayList<>();
        for (Report r : folds) {
            Double x = r.metrics().get(metric);
            if (x == null) {
                throw new IllegalArgumentException("no metric '" + metric + "'; metrics are " + r.metrics().keySet());
            }
            v.add(x);
        }
        return v;
    }

    /** Mean and standard deviation of every metric, as plain maps. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds.size());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String k : folds.get(0).metrics().keySet()) {
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
        for (String k : folds.get(0).metrics().keySet()) {
            s.append(String.format(Locale.ROOT, "%-20s %.4f +/- %.4f%n", k, mean(k), std(k)));
        }
        return s.toString();
    }
}
