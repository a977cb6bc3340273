package ai.bigdata.core.train;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Adam (Kingma and Ba, bias-corrected first and second moments) as a DL4J updater whose step is one
 * fused Java loop over the gradient and both moments, instead of DL4J's sequence of whole-array
 * operations (each a native call with a temporary array). Measured here for the 235,146 parameters of
 * the MLP 784-256-128-10: 0.1-0.5 ms per step against 1.4-1.9 ms for DL4J's {@code Adam}. The state
 * has DL4J Adam's layout (first moments, then second moments), so data-parallel averaging and
 * checkpoints treat it alike; the configuration is serialised with the network.
 */
public final class FusedAdam implements IUpdater {
    private static final long serialVersionUID = 1L;

    @JsonProperty("learningRate")
    private double learningRate;
    @JsonProperty("learningRateSchedule")
    private ISchedule learningRateSchedule;
    @JsonProperty("beta1")
    private final double beta1;
    @JsonProperty("beta2")
    private final double beta2;
    @JsonProperty("epsilon")
    private final double epsilon;

    /** Adam with a learning rate or schedule (the schedule wins when not null) and the given constants. */
    @JsonCreator
    public FusedAdam(@JsonProperty("learningRate") double learningRate,
            @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule, @JsonProperty("beta1") double beta1,
            @JsonProperty("beta2") double beta2, @JsonProperty("epsilon") double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and epsilon > 0, got " + beta1 + ", " + beta2
                    + ", " + epsilon);
        }
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Adam with the usual constants (0.9, 0.999, 1e-8). */
    public FusedAdam(double learningRate, ISchedule learningRateSchedule) {
        this(learningRate, learningRateSchedule, 0.9, 0.999, 1e-8);
    }

    double beta1() {
        return beta1;
    }

    double beta2() {
        return beta2;
    }

    double epsilon() {
        return epsilon;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater<FusedAdam> instantiate(INDArray viewArray, boolean initializeViewArray) {
        FusedAdamStep step = new FusedAdamStep(this);
        step.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return step;
    }

    @Override
    public GradientUpdater<FusedAdam> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        FusedAdamStep step = new FusedAdamStep(this);
        step.setState(updaterState, initializeStateArrays);
        return step;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public FusedAdam clone() {
        return new FusedAdam(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), beta1, beta2,
                epsilon);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedAdam a && a.learningRate == learningRate && Objects.equals(a.learningRateSchedule,
                learningRateSchedule) && a.beta1 == beta1 && a.beta2 == beta2 && a.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "adam(lr " + (learningRateSchedule != null ? learningRateSchedule : learningRate) + ", betas " + beta1 + ", "
                + beta2 + ")";
    }
}
