package ai.bigdata.core.train;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * How the learning rate changes during training: constant, step decay, exponential decay or cosine
 * annealing, each optionally after a linear warm-up. A schedule is relative to the optimiser's base rate
 * and becomes concrete when the trainer knows the epochs and batches per epoch.
 */
public final class LearningRateSchedule {
    private enum Kind { CONSTANT, STEP, EXPONENTIAL, COSINE }

    private final Kind kind;
    private final double a;
    private final double b;
    private final int warmUpIterations;

    private LearningRateSchedule(Kind kind, double a, double b, int warmUpIterations) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.warmUpIterations = warmUpIterations;
    }

    /** The base rate throughout. */
    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 0, 0, 0);
    }

    /** Multiplies the rate by {@code factor} every {@code everyEpochs} epochs. */
    public static LearningRateSchedule step(int everyEpochs, double factor) {
        if (everyEpochs <= 0 || !(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("step needs everyEpochs > 0 and factor in (0, 1], got " + everyEpochs + ", " + factor);
        }
        return new LearningRateSchedule(Kind.STEP, everyEpochs, factor, 0);
    }

    /** Multiplies the rate by {@code gamma} every epoch. */
    public static LearningRateSchedule exponential(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        return new LearningRateSchedule(Kind.EXPONENTIAL, gamma, 0, 0);
    }

    /** Cosine annealing from the base rate to {@code minRate} over the whole training run. */
    public static LearningRateSchedule cosine(double minRate) {
        if (!(minRate >= 0)) {
            throw new IllegalArgumentException("minRate must be >= 0, got " + minRate);
        }
        return new LearningRateSchedule(Kind.COSINE, minRate, 0, 0);
    }

    /** This schedule after a linear warm-up from 0 over the first {@code iterations} batches. */
    public LearningRateSchedule withWarmUp(int iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("warm-up iterations must be positive, got " + iterations);
        }
        return new LearningRateSchedule(kind, a, b, iterations);
    }

    /** The DL4J schedule for a run of {@code epochs} epochs of {@code batchesPerEpoch} batches; null when constant. */
    ISchedule toSchedule(double baseRate, int epochs, long batchesPerEpoch) {
        ISchedule s;
        switch (kind) {
            case STEP: s = new StepSchedule(ScheduleType.EPOCH, baseRate, b, a); break;
            case EXPONENTIAL: s = new ExponentialSchedule(ScheduleType.EPOCH, baseRate, a); break;
            case COSINE: s = new CosineSchedule(baseRate, a, Math.max(1, epochs * batchesPerEpoch)); break;
            default: s = null;
        }
        if (warmUpIterations > 0) {
            s = new WarmUpSchedule(s == null ? new org.nd4j.linalg.schedule.FixedSchedule(baseRate) : s, warmUpIterations);
        }
        return s;
    }

    @Override
    public String toString() {
        String base;
        switch (kind) {
            case STEP: base = "step(x" + b + " every " + (int) a + " epochs)"; break;
            case EXPONENTIAL: base = "exponential(" + a + " per epoch)"; break;
            case COSINE: base = "cosine(to " + a + ")"; break;
            default: base = "constant";
        }
        return warmUpIterations > 0 ? base + " after " + warmUpIterations + " warm-up iterations" : base;
    }
}
