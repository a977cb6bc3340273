package ai.bigdata.core.model;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** The activations the plain-Java passes compute on one row, in place (DenseInference, the int8 network). */
enum RowActivation {
    IDENTITY, RELU, TANH, SIGMOID, SOFTMAX;

    /** The counterpart of a DL4J activation, or empty when it has none (a leaky or capped ReLU, ...). */
    static Optional<RowActivation> of(IActivation a) {
        if (a instanceof ActivationIdentity) {
            return Optional.of(IDENTITY);
        }
        if (a instanceof ActivationReLU r && r.getMax() == null && zero(r.getThreshold()) && zero(r.getNegativeSlope())) {
            return Optional.of(RELU);
        }
        if (a instanceof ActivationTanH) {
            return Optional.of(TANH);
        }
        if (a instanceof ActivationSigmoid) {
            return Optional.of(SIGMOID);
        }
        if (a instanceof ActivationSoftmax) {
            return Optional.of(SOFTMAX);
        }
        return Optional.empty();
    }

    private static boolean zero(Double d) {
        return d == null || d == 0.0;
    }

    /** Applies the activation to {@code y} in place (softmax over the whole array). */
    void apply(float[] y) {
        switch (this) {
            case RELU -> {
                for (int j = 0; j < y.length; j++) {
                    y[j] = Math.max(0f, y[j]);
                }
            }
            case TANH -> {
                for (int j = 0; j < y.length; j++) {
                    y[j] = (float) Math.tanh(y[j]);
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < y.length; j++) {
                    y[j] = (float) (1 / (1 + Math.exp(-y[j])));
                }
            }
            case SOFTMAX -> softmax(y);
            default -> {
            }
        }
    }

    private static void softmax(float[] y) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : y) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) Math.exp(y[j] - max);
            sum += y[j];
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) (y[j] / sum);
        }
    }
}
