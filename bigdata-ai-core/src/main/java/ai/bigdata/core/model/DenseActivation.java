package ai.bigdata.core.model;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The hidden-layer activations that {@link DenseTrainingPass} computes itself, each with its slope
 * written in terms of its own output (so the pass keeps only the activations, not the pre-activations):
 * identity, ReLU (DL4J's plain one: no cap, threshold 0, no negative slope), tanh and sigmoid.
 */
enum DenseActivation {
    /** {@code z}. */
    IDENTITY {
        @Override
        float apply(float z) {
            return z;
        }

        @Override
        float slope(float a) {
            return 1f;
        }
    },
    /** {@code max(z, 0)} (NaN kept); slope 1 where the output is positive, else 0 (DL4J's derivative at 0 is 0 too). */
    RELU {
        @Override
        float apply(float z) {
            return z > 0 || z != z ? z : 0f; // NaN stays NaN, so divergence surfaces
        }

        @Override
        float slope(float a) {
            return a > 0 ? 1f : a <= 0 ? 0f : a;
        }

        /**
         * As the generic loop, without its branches: the sign of a ReLU's input is a coin toss, and the
         * mispredicted branches cost more than the rest of the loop. {@code Math.max(v, 0)} is {@link #apply}
         * exactly (NaN stays NaN, -0 becomes +0).
         */
        @Override
        void forward(float[] z, float[] bias, int rows, int cols) {
            for (int r = 0, i = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++, i++) {
                    z[i] = Math.max(z[i] + bias[c], 0f);
                }
            }
        }

        /**
         * As the generic loop, without branches: an output {@code a} is +0, positive or NaN, and
         * {@code min(a * 2^75 * 2^74, 1)} is then {@link #slope} exactly (0, 1 or NaN; the two exact
         * scalings lift even the smallest subnormal to at least 1).
         */
        @Override
        void backward(float[] grad, float[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = grad[i] * Math.min(a[i] * 0x1p75f * 0x1p74f, 1f);
            }
        }
    },
    /** {@code tanh(z)}; slope {@code 1 - a^2}. */
    TANH {
        @Override
        float apply(float z) {
            return (float) Math.tanh(z);
        }

        @Override
        float slope(float a) {
            return 1f - a * a;
        }
    },
    /** {@code 1 / (1 + e^-z)}; slope {@code a (1 - a)}. */
    SIGMOID {
        @Override
        float apply(float z) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }

        @Override
        float slope(float a) {
            return a * (1f - a);
        }
    };

    abstract float apply(float z);

    /** The derivative at the point whose output is {@code a}. */
    abstract float slope(float a);

    /** The activation matching DL4J's, or empty when this pass does not implement it exactly. */
    static Optional<DenseActivation> of(IActivation fn) {
        if (fn instanceof ActivationReLU && fn.equals(new ActivationReLU())) {
            return Optional.of(RELU);
        }
        if (fn != null && fn.getClass() == ActivationIdentity.class) {
            return Optional.of(IDENTITY);
        }
        if (fn != null && fn.getClass() == ActivationTanH.class) {
            return Optional.of(TANH);
        }
        if (fn != null && fn.getClass() == ActivationSigmoid.class) {
            return Optional.of(SIGMOID);
        }
        return Optional.empty();
    }

    /** Adds the bias to each row of the {@code rows x cols} row-major {@code z} and applies the activation, in place. */
    void forward(float[] z, float[] bias, int rows, int cols) {
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                z[i] = apply(z[i] + bias[c]);
            }
        }
    }

    /** Turns {@code a} (this activation's outputs) into the pre-activation gradient {@code grad * slope(a)}, in place. */
    void backward(float[] grad, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = grad[i] * slope(a[i]);
        }
    }
}
