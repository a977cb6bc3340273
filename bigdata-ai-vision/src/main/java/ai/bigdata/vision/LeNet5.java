package ai.bigdata.vision;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of LeNet-5 (LeCun et al., 1998) over one tensor column shaped {@code [channels, height,
 * width]}: a 5x5 convolution with 6 filters (padded, so a 28 x 28 image keeps its size, as the original
 * padded 32 x 32 input), 2x2 max pooling, a 5x5 convolution with 16 filters, 2x2 max pooling, dense
 * layers of 120 and 84 units, then a softmax (classification) or linear (regression) output sized from
 * the data. ReLU activations and max pooling replace the original's tanh and average subsampling.
 * Images must be at least 12 x 12 pixels.
 */
public final class LeNet5 {
    private double l2;

    LeNet5() {
    }

    /** L2 penalty on the weights (default 0). */
    public LeNet5 l2(double coefficient) {
        this.l2 = ImageInput.l2(coefficient);
        return this;
    }

    /** The untrained network; the trainer sizes and initialises it from the training data. */
    public NeuralNetwork build() {
        double penalty = l2;
        return NeuralNetwork.of(toString(), (sig, settings) -> configure(sig, settings, penalty));
    }

    private static MultiLayerConfiguration configure(ModelSignature sig, NetworkSettings settings, double l2) {
        int[] shape = ImageInput.shape(sig, "LeNet-5", 12);
        return settings.configuration(l2).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).weightInit(WeightInit.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).weightInit(WeightInit.RELU).build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).weightInit(WeightInit.RELU).build())
                .layer(settings.outputLayer(sig, 84))
                .setInputType(InputType.convolutional(shape[1], shape[2], shape[0]))
                .build();
    }

    @Override
    public String toString() {
        return "lenet-5" + (l2 > 0 ? ", l2 " + l2 : "");
    }
}
