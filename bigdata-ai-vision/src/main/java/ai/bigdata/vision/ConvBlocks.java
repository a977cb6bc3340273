package ai.bigdata.vision;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/** The convolution unit the graph builders share: a 3x3 convolution without bias, batch normalisation and ReLU. */
final class ConvBlocks {
    private ConvBlocks() {
    }

    /**
     * Adds layers {@code name}, {@code name_bn} and {@code name_relu} reading {@code in}; returns the last one's
     * name.
     */
    static String convBnRelu(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int filters) {
        g.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(filters).convolutionMode(ConvolutionMode.Same).hasBias(false)
                .activation(Activation.IDENTITY).weightInit(WeightInit.RELU).build(), in);
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
        g.addLayer(name + "_relu", new ActivationLayer(Activation.RELU), name + "_bn");
        return name + "_relu";
    }
}
