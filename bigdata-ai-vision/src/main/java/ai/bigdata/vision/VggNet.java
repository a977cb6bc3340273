package ai.bigdata.vision;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of a small VGG-style network (Simonyan and Zisserman, 2015) over one tensor column shaped
 * {@code [channels, height, width]}: blocks of two 3x3 convolutions (padded; each optionally followed by
 * batch normalisation) with ReLU and a 2x2 max pooling that halves the resolution, then a dense layer
 * with ReLU and a softmax (classification) or linear (regression) output sized from the data. Dropout,
 * when set, applies to the inputs of the dense layer and of the output. Each block needs the image to be
 * at least 2 pixels on a side when it starts.
 */
public final class VggNet {
    private int[] blocks = {32, 64};
    private int dense = 128;
    private boolean batchNorm;
    private double dropout;
    private double l2;

    VggNet() {
    }

    /** Filters of each conv-conv-pool block, input side first (default 32, 64). */
    public VggNet blocks(int... filters) {
        if (filters.length == 0 || Arrays.stream(filters).anyMatch(f -> f <= 0)) {
            throw new IllegalArgumentException("blocks need positive filter counts, got " + Arrays.toString(filters));
        }
        this.blocks = filters.clone();
        return this;
    }

    /** Units of the dense layer before the output (default 128). */
    public VggNet dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("dense units must be positive, got " + units);
        }
        this.dense = units;
        return this;
    }

    /** Whether each convolution is followed by batch normalisation (default false). */
    public VggNet batchNorm(boolean on) {
        this.batchNorm = on;
        return this;
    }

    /** The fraction of the dense layer's and the output's inputs dropped in training (default 0). */
    public VggNet dropout(double rate) {
        this.dropout = ImageInput.dropout(rate);
        return this;
    }

    /** L2 penalty on the weights (default 0). */
    public VggNet l2(double coefficient) {
        this.l2 = ImageInput.l2(coefficient);
        return this;
    }

    /** The untrained network; the trainer sizes and initialises it from the training data. */
    public NeuralNetwork build() {
        int[] widths = blocks.clone();
        int units = dense;
        boolean bn = batchNorm;
        double drop = dropout;
        double penalty = l2;
        return NeuralNetwork.of(toString(), (sig, settings) -> configure(sig, settings, widths, units, bn, drop, penalty));
    }

    private static MultiLayerConfiguration configure(ModelSignature sig, NetworkSettings settings, int[] widths, int units,
            boolean bn, double drop, double l2) {
        int minSide = 1 << widths.length;
        int[] shape = ImageInput.shape(sig, "a VGG network of " + widths.length + " blocks", minSide);
        NeuralNetConfiguration.ListBuilder list = settings.configuration(l2).list();
        for (int filters : widths) {
            for (int k = 0; k < 2; k++) {
                list.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters).convolutionMode(ConvolutionMode.Same).hasBias(!bn)
                        .activation(bn ? Activation.IDENTITY : Activation.RELU).weightInit(WeightInit.RELU).build());
                if (bn) {
                    list.layer(new BatchNormalization.Builder().build());
                    list.layer(new ActivationLayer(Activation.RELU));
                }
            }
            list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        DenseLayer.Builder hidden = new DenseLayer.Builder().nOut(units).activation(Activation.RELU).weightInit(WeightInit.RELU);
        OutputLayer output = settings.outputLayer(sig, units);
        if (drop > 0) {
            // DL4J's dropOut takes the probability of keeping an input
            hidden.dropOut(1 - drop);
            output.setIDropout(new Dropout(1 - drop));
        }
        return list.layer(hidden.build()).layer(output)
                .setInputType(InputType.convolutional(shape[1], shape[2], shape[0]))
                .build();
    }

    @Override
    public String toString() {
        return "vgg blocks " + Arrays.toString(blocks) + ", dense " + dense + (batchNorm ? ", batch norm" : "")
                + (dropout > 0 ? ", dropout " + dropout : "") + (l2 > 0 ? ", l2 " + l2 : "");
    }
}
