package ai.bigdata.benchmarks.engine;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reference CNN of peers.md A3 (conv 3x3 32 - max pool - conv 3x3 64 - max pool - dense 128 -
 * dropout 0.25 - softmax 10, Adam 1e-3, 28x28x1 input), the same network as the PyTorch peer script.
 */
public final class ReferenceCnn {
    private ReferenceCnn() {
    }

    /** A freshly initialised network (seed 42, Adam 1e-3); the layer helpers follow the engine's current setting. */
    static MultiLayerNetwork build() {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(42, new Adam(1e-3)));
        net.init();
        return net;
    }

    /** The network's configuration with the given seed and updater. */
    public static MultiLayerConfiguration configuration(long seed, IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                        .dropOut(0.75).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
    }
}
