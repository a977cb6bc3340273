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
                Optional<RowActivation> act = RowActivation.of(((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn());
                if (act.isEmpty() || !p.containsKey("W") || !p.containsKey("b")) {
                    return Optional.empty();
                }
                float[][] w = p.get("W").toFloatMatrix(); // [nIn][nOut]
                float[] b = p.get("b").toFloatVector();
                if (inputs < 0) {
                    inputs = w.length;
                }
                steps.add(dense(w, b, act.get()));
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

    private static Step dense(float[][] w, float[] b, RowActivation act) {
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
            act.apply(y);
            return y;
        };
    }

    /** A plain-Java pass given as a function of one row (the int8 network's), reading {@code inputs} values. */
    static DenseInference ofPass(int inputs, java.util.function.UnaryOperator<float[]> pass) {
        return new DenseInference(List.of(pass::apply), inputs);
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
