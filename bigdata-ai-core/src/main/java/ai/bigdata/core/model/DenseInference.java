package ai.bigdata.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inference pass of a dense network (dense, batch-normalisation and output layers with ReLU, tanh,
 * sigmoid, identity or softmax) in plain Java over a copy of its parameters. For one row this takes a
 * few microseconds where a call into the native engine costs hundreds (per-op overhead), so the
 * {@code Predictor} serves single rows with it. Immutable and thread-safe; results agree with DL4J's
 * {@code output()} to float rounding (a test checks 1e-4 on trained networks).
 */
public final class DenseInference {
    private interface Step {
        float[] apply(float[] x);
    }

    private final List<Step> steps;
    private final int inputs;

    private DenseInference(List<Step> steps, int inputs) {
        this.steps = List.copyOf(steps);
        this.inputs = inputs;
    }

    /**
     * The plain-Java pass of this network, or empty when it has a layer, layer option or activation
     * that this pass would not compute exactly as DL4J's {@code output()} does (layer normalisation,
     * locked batch normalisation, weight noise, preprocessors, other layer kinds or activations).
     */
    public static Optional<DenseInference> of(MultiLayerNetwork net) {
        if (DenseFastPath.unsupported(net).isPresent()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        int inputs = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            Map<String, INDArray> p = layer.paramTable();
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                IActivation act = ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn();
                if (!supported(act) || !p.containsKey("W") || !p.containsKey("b")) {
                    return Optional.empty();
                }
                float[][] w = p.get("W").toFloatMatrix(); // [nIn][nOut]
                float[] b = p.get("b").toFloatVector();
                if (inputs < 0) {
                    inputs = w.length;
                }
                steps.add(dense(w, b, act));
            } else if (conf instanceof BatchNormalization bn) {
                float[] gamma = p.get("gamma").toFloatVector();
                float[] beta = p.get("beta").toFloatVector();
                float[] mean = p.get("mean").toFloatVector();
                if (inputs < 0) {
                    inputs = mean.length;
                }
                float[] std = new float[mean.length];
                if (bn.isUseLogStd()) {
                    float[] log10 = p.get("log10stdev").toFloatVector();
                    for (int k = 0; k < std.length; k++) {
                        std[k] = (float) Math.pow(10, log10[k]);
                    }
                } else {
                    float[] var = p.get("var").toFloatVector();
                    for (int k = 0; k < std.length; k++) {
                        std[k] = (float) Math.sqrt(var[k] + bn.getEps());
                    }
                }
                steps.add(x -> {
                    float[] y = new float[x.length];
                    for (int k = 0; k < x.length; k++) {
                        y[k] = (x[k] - mean[k]) / std[k] * gamma[k] + beta[k];
                    }
                    return y;
                });
            } else {
                return Optional.empty();
            }
        }
        return steps.isEmpty() ? Optional.empty() : Optional.of(new DenseInference(steps, inputs));
    }

    private static boolean supported(IActivation a) {
        return a instanceof ActivationReLU r && r.getMax() == null && isZeroOrNull(r.getThreshold()) && isZeroOrNull(r.getNegativeSlope())
                || a instanceof ActivationTanH || a instanceof ActivationSigmoid || a instanceof ActivationIdentity
                || a instanceof ActivationSoftmax;
    }

    private static boolean isZeroOrNull(Double d) {
        return d == null || d == 0.0;
    }

    private static Step dense(float[][] w, float[] b, IActivation act) {
        int nIn = w.length;
        int nOut = b.length;
        float[] flat = new float[nIn * nOut];
        for (int i = 0; i < nIn; i++) {
            System.arraycopy(w[i], 0, flat, i * nOut, nOut);
        }
        return x -> {
            float[] y = b.clone();
            for (int i = 0; i < nIn; i++) {
                float xi = x[i];
                if (xi != 0f) {
                    int base = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        y[j] += xi * flat[base + j];
                    }
                }
            }
            activate(act, y);
            return y;
        };
    }

    private static void activate(IActivation act, float[] y) {
        if (act instanceof ActivationReLU) {
            for (int j = 0; j < y.length; j++) {
                y[j] = Math.max(0f, y[j]);
            }
        } else if (act instanceof ActivationTanH) {
            for (int j = 0; j < y.length; j++) {
                y[j] = (float) Math.tanh(y[j]);
            }
        } else if (act instanceof ActivationSigmoid) {
            for (int j = 0; j < y.length; j++) {
                y[j] = (float) (1 / (1 + Math.exp(-y[j])));
            }
        } else if (act instanceof ActivationSoftmax) {
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

    /** Values per input row. */
    public int inputs() {
        return inputs;
    }

    /** The output for one row of {@link #inputs()} values. */
    public float[] output(float[] row) {
        if (row.length != inputs) {
            throw new IllegalArgumentException("the network reads " + inputs + " values per row, got " + row.length);
        }
        float[] x = row;
        for (Step s : steps) {
            x = s.apply(x);
        }
        return x;
    }
}
