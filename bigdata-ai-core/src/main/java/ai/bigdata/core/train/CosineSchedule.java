package ai.bigdata.core.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing by iteration: from the initial rate down to the minimum over {@code totalIterations},
 * then constant at the minimum. Serialisable with the network configuration (checkpoints, bundles).
 */
public final class CosineSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("initialValue")
    private final double initialValue;
    @JsonProperty("minValue")
    private final double minValue;
    @JsonProperty("totalIterations")
    private final long totalIterations;

    /** A schedule from {@code initialValue} to {@code minValue} over {@code totalIterations}. */
    @JsonCreator
    public CosineSchedule(@JsonProperty("initialValue") double initialValue, @JsonProperty("minValue") double minValue,
            @JsonProperty("totalIterations") long totalIterations) {
        if (totalIterations <= 0) {
            throw new IllegalArgumentException("totalIterations must be positive, got " + totalIterations);
        }
        this.initialValue = initialValue;
        this.minValue = minValue;
        this.totalIterations = totalIterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double t = Math.min(1.0, (double) iteration / totalIterations);
        return minValue + (initialValue - minValue) * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(initialValue, minValue, totalIterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineSchedule c && c.initialValue == initialValue && c.minValue == minValue
                && c.totalIterations == totalIterations;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(initialValue) * 31 + Double.hashCode(minValue) * 17 + Long.hashCode(totalIterations);
    }

    @Override
    public String toString() {
        return "cosine(" + initialValue + " -> " + minValue + " over " + totalIterations + " iterations)";
    }
}
