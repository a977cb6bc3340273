package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of a residual convolutional network (He et al., 2016) over one tensor column shaped
 * {@code [channels, height, width]}: a 3x3 convolutional stem with batch normalisation and ReLU, then
 * residual blocks (3x3 convolution, batch normalisation, ReLU, 3x3 convolution, batch normalisation,
 * added to the block's input by an {@code ElementWiseVertex}, then ReLU), global average pooling and a
 * softmax (classification) or linear (regression) output sized from the data. A block wider than the
 * one before halves the resolution (stride 2) and its skip connection is a 1x1 projection with batch
 * normalisation; otherwise the skip is the identity.
 */
public final class ResidualCnn {
    private int stem = 16;
    private int[] blocks = {16, 32};
    private double l2;

    ResidualCnn() {
    }

    /** Filters of the stem convolution (default 16). */
    public ResidualCnn stem(int filters) {
        if (filters <= 0) {
            throw new IllegalArgumentException("stem filters must be positive, got " + filters);
        }
        this.stem = filters;
        return this;
    }

    /**
     * Filters of each residual block, input side first (default 16, 32); a block wider than the one
     * before it downsamples by 2 through a projection skip.
     */
    public ResidualCnn blocks(int... filters) {
        if (filters.length == 0 || Arrays.stream(filters).anyMatch(f -> f <= 0)) {
            throw new IllegalArgumentException("blocks need positive filter counts, got " + Arrays.toString(filters));
        }
        this.blocks = filters.clone();
        return this;
    }

    /** L2 penalty on the weights (default 0). */
    public ResidualCnn l2(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + coefficient);
        }
        this.l2 = coefficient;
        return this;
    }

    /** The untrained network; the trainer sizes and initialises it from the training data. */
    public GraphNetwork build() {
        int stemFilters = stem;
        int[] widths = blocks.clone();
        double penalty = l2;
        GraphRecipe recipe = (sig, settings) -> configure(sig, settings, stemFilters, widths, penalty);
        return new GraphNetwork(GraphNetwork.RESIDUAL_CNN, recipe, describe());
    }

    private static ComputationGraphConfiguration configure(ModelSignature sig, NetworkSettings settings, int stem, int[] widths,
            double l2) {
        int[] shape = sig.featureShape();
        if (sig.features().size() != 1 || shape.length != 3) {
            throw new SchemaMismatchException(sig.featureNames(), "a residual CNN reads one tensor column shaped [channels, height,"
                    + " width]; the data gives " + sig.featureNames() + " with shape " + Arrays.toString(shape));
        }
        if (sig.task() == Task.RECONSTRUCTION) {
            throw new SchemaMismatchException(List.of(), "a residual CNN needs a label; got a reconstruction signature");
        }
        ComputationGraphConfiguration.GraphBuilder g = settings.configuration(l2).graphBuilder().addInputs("input")
                .setInputTypes(InputType.convolutional(shape[1], shape[2], shape[0]));
        String prev = convBn(g, "stem", "input", stem, 3, 1);
        g.addLayer("stem_relu", new ActivationLayer(Activation.RELU), prev);
        prev = "stem_relu";
        int width = stem;
        for (int i = 0; i < widths.length; i++) {
            String b = "block" + i;
            int stride = widths[i] != width ? 2 : 1;
            String main = convBn(g, b + "_a", prev, widths[i], 3, stride);
            g.addLayer(b + "_a_relu", new ActivationLayer(Activation.RELU), main);
            main = convBn(g, b + "_b", b + "_a_relu", widths[i], 3, 1);
            String skip = widths[i] == width ? prev : convBn(g, b + "_skip", prev, widths[i], 1, stride);
            g.addVertex(b + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), main, skip);
            g.addLayer(b + "_relu", new ActivationLayer(Activation.RELU), b + "_add");
            prev = b + "_relu";
            width = widths[i];
        }
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), prev);
        g.addLayer("output", settings.outputLayer(sig, width), "pool");
        g.setOutputs("output");
        return g.build();
    }

    /** A convolution (no bias: batch normalisation follows) and its batch normalisation; returns the last name. */
    private static String convBn(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int filters, int kernel,
            int stride) {
        g.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(filters).hasBias(false)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).weightInit(WeightInit.RELU).build(), in);
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
        return name + "_bn";
    }

    private String describe() {
        return "residual cnn stem " + stem + ", blocks " + Arrays.toString(blocks) + (l2 > 0 ? ", l2 " + l2 : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
