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
    private enum Kind { SGD, MOMENTUM, ADAM, ADAMW, RMSPROP, LBFGS }

    private final Kind kind;
    private final double learningRate;
    private final double parameter;
    private final LearningRateSchedule schedule;
    private final double tolerance;

    private Optimizer(Kind kind, double learningRate, double parameter, LearningRateSchedule schedule) {
        this(kind, learningRate, parameter, 0, schedule);
    }

    private Optimizer(Kind kind, double learningRate, double parameter, double tolerance, LearningRateSchedule schedule) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        this.kind = kind;
        this.learningRate = learningRate;
        this.parameter = parameter;
        this.schedule = schedule;
        this.tolerance = tolerance;
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

    /**
     * Full-batch L-BFGS, as scikit-learn's default {@code lbfgs} solver: for logistic regression
     * ({@code NeuralNetwork.logisticRegression()}) on data that fit in memory, at most 100 iterations,
     * stopping when the largest gradient component is at most 1e-4 or the objective stops falling. It
     * minimises the network's own objective, mean cross-entropy plus its L2 term {@code l2 / 2 * |W|^2},
     * which is scikit-learn's with {@code C = 1 / (l2 * rows)} (an l2 of 0: no penalty). Epochs, batch
     * size and learning rate do not apply; one history record describes the solve.
     */
    public static Optimizer lbfgs() {
        return lbfgs(100, 1e-4);
    }

    /** Full-batch L-BFGS (see {@link #lbfgs()}) with its own iteration limit and gradient tolerance. */
    public static Optimizer lbfgs(int maxIterations, double tolerance) {
        if (maxIterations < 1 || !(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("L-BFGS needs maxIterations >= 1 and a finite tolerance >= 0, got " + maxIterations
                    + " and " + tolerance);
        }
        return new Optimizer(Kind.LBFGS, 1, maxIterations, tolerance, LearningRateSchedule.constant());
    }

    /** Whether this is the full-batch L-BFGS solver rather than a mini-batch optimiser. */
    boolean fullBatch() {
        return kind == Kind.LBFGS;
    }

    /** L-BFGS's iteration limit. */
    int maxIterations() {
        return (int) parameter;
    }

    /** L-BFGS's gradient tolerance. */
    double tolerance() {
        return tolerance;
    }

    /** This optimiser with a learning-rate schedule. */
    public Optimizer schedule(LearningRateSchedule s) {
        if (kind == Kind.LBFGS) {
            throw new IllegalArgumentException("L-BFGS takes no learning-rate schedule: its line search chooses each step");
        }
        return new Optimizer(kind, learningRate, parameter, tolerance, java.util.Objects.requireNonNull(s, "schedule"));
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
            case LBFGS: return new Sgd(0.0);
            default: return new FusedAdam(learningRate, s);
        }
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.LBFGS) {
            return "lbfgs(at most " + (int) parameter + " iterations, tolerance " + tolerance + ")";
        }
        return name + "(lr " + learningRate + (kind == Kind.MOMENTUM ? ", momentum " + parameter : "")
                + (kind == Kind.ADAMW ? ", weight decay " + parameter : "") + ", " + schedule + ")";
    }
}
