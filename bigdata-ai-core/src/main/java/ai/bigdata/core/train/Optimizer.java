package ai.bigdata.core.train;

import java.util.Locale;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * An optimiser with its learning rate and schedule: SGD, SGD with (Nesterov) momentum, Adam, AdamW
 * (Adam with decoupled weight decay) or RMSProp.
 */
public final class Optimizer {
    private enum Kind { SGD, MOMENTUM, ADAM, ADAMW, RMSPROP }

    private final Kind kind;
    private final double learningRate;
    private final double parameter;
    private final LearningRateSchedule schedule;

    private Optimizer(Kind kind, double learningRate, double parameter, LearningRateSchedule schedule) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        this.kind = kind;
        this.learningRate = learningRate;
        this.parameter = parameter;
        this.schedule = schedule;
    }

    /** Plain stochastic gradient descent. */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer(Kind.SGD, learningRate, 0, LearningRateSchedule.constant());
    }

    /** SGD with Nesterov momentum (for example 0.9). */
    public static Optimizer momentum(double learningRate, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        return new Optimizer(Kind.MOMENTUM, learningRate, momentum, LearningRateSchedule.constant());
    }

    /** Adam with the usual betas (0.9, 0.999), run as {@link FusedAdam}. */
    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, learningRate, 0, LearningRateSchedule.constant());
    }

    /** AdamW: Adam plus weight decay applied to the weights directly, scaled by the learning rate. */
    public static Optimizer adamW(double learningRate, double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        return new Optimizer(Kind.ADAMW, learningRate, weightDecay, LearningRateSchedule.constant());
    }

    /** RMSProp (decay 0.95). */
    public static Optimizer rmsProp(double learningRate) {
        return new Optimizer(Kind.RMSPROP, learningRate, 0, LearningRateSchedule.constant());
    }

    /** This optimiser with a learning-rate schedule. */
    public Optimizer schedule(LearningRateSchedule s) {
        return new Optimizer(kind, learningRate, parameter, java.util.Objects.requireNonNull(s, "schedule"));
    }

    /** The base learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Decoupled weight decay (AdamW), else 0. */
    double weightDecay() {
        return kind == Kind.ADAMW ? parameter : 0;
    }

    /** The DL4J updater for a run of this many epochs and batches. */
    IUpdater updater(int epochs, long batchesPerEpoch) {
        ISchedule s = schedule.toSchedule(learningRate, epochs, batchesPerEpoch);
        switch (kind) {
            case SGD: return s == null ? new Sgd(learningRate) : new Sgd(s);
            case MOMENTUM: return s == null ? new Nesterovs(learningRate, parameter) : new Nesterovs(s, parameter);
            case RMSPROP: return s == null ? new RmsProp(learningRate) : new RmsProp(s);
            default: return new FusedAdam(learningRate, s);
        }
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return name + "(lr " + learningRate + (kind == Kind.MOMENTUM ? ", momentum " + parameter : "")
                + (kind == Kind.ADAMW ? ", weight decay " + parameter : "") + ", " + schedule + ")";
    }
}
