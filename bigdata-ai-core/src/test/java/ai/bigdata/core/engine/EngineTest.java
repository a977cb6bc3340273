package ai.bigdata.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Guards the engine choice: a dependency update that silently falls back to the slow path (no oneDNN,
 * or DL4J's helpers off) fails here.
 */
class EngineTest {

    @Test
    void theOneDnnBuildRunsAndDl4jConvolutionsUseIt() {
        // loading the data classes configures the engine before ND4J loads, as in user code
        assertThat(Dataset.class.getName()).isNotEmpty();
        EngineInfo info = Engine.start();
        assertThat(info.backend()).isEqualTo("CpuBackend");
        assertThat(info.build()).isEqualTo(Engine.platform() + "-onednn");
        assertThat(info.oneDnn()).as("ND4J native library built with oneDNN").isTrue();
        assertThat(info.layerHelpers()).as("DL4J layer helpers switched on and their check passing").isTrue();
        assertThat(info.toString()).contains("oneDNN on", "DL4J layer helpers on");

        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        net.init();
        Object conv = ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) net.getLayer(0)).getHelper();
        Object pool = ((org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) net.getLayer(1)).getHelper();
        assertThat(conv).as("convolution helper").isNotNull();
        assertThat(conv.getClass().getSimpleName()).isEqualTo("MKLDNNConvHelper");
        assertThat(pool.getClass().getSimpleName()).isEqualTo("MKLDNNSubsamplingHelper");
    }

    @Test
    void theEngineStartsWithTheMeasuredThreadCountAndCanChangeIt() {
        EngineInfo info = Engine.start();
        assertThat(info.threads()).isEqualTo(Engine.defaultThreads());
        if (Runtime.getRuntime().availableProcessors() <= 2 && System.getProperty(Engine.THREADS) == null
                && System.getenv("OMP_NUM_THREADS") == null) {
            assertThat(info.threads()).isEqualTo(1);
        }
        try {
            Engine.threads(2);
            assertThat(Engine.start().threads()).isEqualTo(2);
        } finally {
            Engine.threads(info.threads());
        }
        assertThat(Engine.start().threads()).isEqualTo(info.threads());
    }
}
