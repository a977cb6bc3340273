package ai.bigdata.core.serve;

import java.util.Map;

/**
 * The prediction for one row.
 *
 * @param label the most probable class (classification), else null
 * @param probabilities probability per class name, in class order (classification), else empty
 * @param values the predicted values (regression), or the probabilities in class order (classification), or for
 *     a detector its {@code maxBoxes} boxes {@code (1 + class, x0, y0, x1, y1)} (zeros past those found) followed by
 *     their {@code maxBoxes} confidences, as {@code Model.predict} writes them
 */
public record Prediction(String label, Map<String, Double> probabilities, double[] values) {
    /** Copies the arrays. */
    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The probability of the predicted class (classification), else NaN. */
    public double confidence() {
        return label == null ? Double.NaN : probabilities.get(label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && java.util.Objects.equals(p.label, label) && p.probabilities.equals(probabilities)
                && java.util.Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(label, probabilities, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return label != null ? label + " " + probabilities : java.util.Arrays.toString(values);
    }
}
