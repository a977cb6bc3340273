package ai.bigdata.core.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A linear warm-up from near 0 to an inner schedule over the first iterations, then the inner schedule.
 * (DL4J's own RampSchedule does the same but cannot be read back from a saved network in M2.1.)
 */
public final class WarmUpSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("inner")
    private final ISchedule inner;
    @JsonProperty("iterations")
    private final int iterations;

    /** Warm-up over {@code iterations} towards {@code inner}. */
    @JsonCreator
    public WarmUpSchedule(@JsonProperty("inner") ISchedule inner, @JsonProperty("iterations") int iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("warm-up iterations must be positive, got " + iterations);
        }
        this.inner = java.util.Objects.requireNonNull(inner, "inner");
        this.iterations = iterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double v = inner.valueAt(iteration, epoch);
        return iteration < iterations ? v * (iteration + 1) / iterations : v;
    }

    @Override
    public ISchedule clone() {
        return new WarmUpSchedule(inner.clone(), iterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarmUpSchedule w && w.iterations == iterations && w.inner.equals(inner);
    }

    @Override
    public int hashCode() {
        return inner.hashCode() * 31 + iterations;
    }

    @Override
    public String toString() {
        return "warm-up(" + iterations + " iterations, then " + inner + ")";
    }
}
