package ai.bigdata.vision;

import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A U-Net builder for semantic segmentation, sized from the data: one image tensor column
 * {@code [channels, height, width]} as features and a class mask label ({@code Column.mask},
 * {@code [height, width]}) whose classes size the output. The encoder has {@code depth} levels of two
 * 3x3 convolutions (batch normalisation and ReLU) and 2x2 max pooling, doubling the filters each level;
 * the decoder upsamples (nearest neighbour, {@code Upsampling2D}), concatenates the encoder's map of the
 * same size ({@code MergeVertex} skip connection) and applies two convolutions; a 1x1 convolution gives
 * one score per class and pixel, and a softmax per pixel with cross-entropy ({@code CnnLossLayer}, MCXENT)
 * trains it. A core {@link GraphNetwork}: trained by the {@code Trainer}, checkpointed, bundled and
 * served like any other network.
 */
public final class UNet {
    private int filters = 16;
    private int depth = 3;

    UNet() {
    }

    /** Filters of the first level (default 16); each deeper level doubles them. */
    public UNet filters(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("filters must be positive, got " + n);
        }
        this.filters = n;
        return this;
    }

    /** Number of pooling levels (default 3): height and width must be multiples of {@code 2^depth}. */
    public UNet depth(int levels) {
        if (levels < 1 || levels > 6) {
            throw new IllegalArgumentException("depth must be in [1, 6], got " + levels);
        }
        this.depth = levels;
        return this;
    }

    /** The untrained network; the trainer sizes and initialises it from the training data. */
    public GraphNetwork build() {
        int f = filters;
        int d = depth;
        return GraphNetwork.of(toString(), (sig, settings) -> configure(sig, settings, f, d));
    }

    private static ComputationGraphConfiguration configure(ModelSignature sig, NetworkSettings settings, int filters, int depth) {
        int side = 1 << depth;
        int[] shape = ImageInput.shape(sig, "a U-Net of depth " + depth, side);
        if (sig.task() != Task.SEGMENTATION) {
            throw new SchemaMismatchException(List.of(String.valueOf(sig.label())), "a U-Net needs a class mask label"
                    + " (Column.mask); the signature is " + sig);
        }
        int[] out = sig.outputShape();
        if (out.length != 3 || out[1] != shape[1] || out[2] != shape[2]) {
            throw new SchemaMismatchException(List.of(sig.label()), "a U-Net's mask must be [height, width] of the image ["
                    + shape[1] + ", " + shape[2] + "]; label '" + sig.label() + "' gives " + java.util.Arrays.toString(out));
        }
        if (shape[1] % side != 0 || shape[2] % side != 0) {
            throw new SchemaMismatchException(sig.featureNames(), "a U-Net of depth " + depth + " needs height and width divisible by "
                    + side + "; the image is " + shape[1] + " x " + shape[2]);
        }
        ComputationGraphConfiguration.GraphBuilder g = settings.configuration(0).graphBuilder().addInputs("input")
                .setInputTypes(InputType.convolutional(shape[1], shape[2], shape[0]));
        String prev = "input";
        String[] skips = new String[depth];
        for (int level = 0; level < depth; level++) {
            skips[level] = block(g, "down" + level, prev, filters << level);
            g.addLayer("pool" + level, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), skips[level]);
            prev = "pool" + level;
        }
        prev = block(g, "bottom", prev, filters << depth);
        for (int level = depth - 1; level >= 0; level--) {
            g.addLayer("up" + level, new Upsampling2D.Builder(2).build(), prev);
            g.addVertex("merge" + level, new MergeVertex(), "up" + level, skips[level]);
            prev = block(g, "dec" + level, "merge" + level, filters << level);
        }
        g.addLayer("scores", new ConvolutionLayer.Builder(1, 1).nOut(out[0]).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), prev);
        g.addLayer("output", new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                "scores");
        g.setOutputs("output");
        return g.build();
    }

    /** Two 3x3 convolutions, each with batch normalisation and ReLU; returns the last layer's name. */
    private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int filters) {
        String prev = in;
        for (int k = 0; k < 2; k++) {
            prev = ConvBlocks.convBnRelu(g, name + "_conv" + k, prev, filters);
        }
        return prev;
    }

    @Override
    public String toString() {
        return "u-net filters " + filters + ", depth " + depth;
    }
}
