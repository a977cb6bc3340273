package ai.bigdata.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Guards the engine choice: a dependency update that silently falls back to the slow path (no oneDNN,
 * or DL4J's helpers off) fails here.
 */
@ExtendWith(ArrowLeakCheck.class)
class EngineTest {

    @Test
    void theOneDnnBuildRunsAndDl4jConvolutionsUseIt() {
        // loading the data classes configures the engine before ND4J loads, as in user code
        try {
            Class.forName("ai.bigdata.core.data.Dataset", true, EngineTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        assertThat(System.getProperty(Engine.HELPERS_DISABLE)).as("DL4J helpers switched on by configure()").isEqualTo("false");
        assertThat(System.getProperty(Engine.EXTENSION)).as("native build chosen by configure()").isEqualTo("-onednn");
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

    private static final Set<String> AVX512 = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq");
    private static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2", "fma");
    private static final String P = "linux-x86_64";

    private static Predicate<String> jars(String... extensions) {
        Set<String> present = new HashSet<>();
        for (String e : extensions) {
            present.add(P + e);
        }
        return present::contains;
    }

    @Test
    void theCpuSpecificOneDnnBuildsWinWhenTheirJarAndInstructionSetsArePresent() {
        Predicate<String> all = jars("-onednn-avx512", "-onednn-avx2", "-onednn", "");
        assertThat(Engine.chooseExtension(P, AVX512, all)).isEqualTo("-onednn-avx512");
        assertThat(Engine.chooseExtension(P, AVX2, all)).isEqualTo("-onednn-avx2");
        assertThat(Engine.chooseExtension(P, Set.of("sse4_2"), all)).isEqualTo("-onednn");
        // AVX-512 without AVX2 is not a real CPU, but the needs are checked one build at a time
        assertThat(Engine.chooseExtension(P, Set.of("avx2"), all)).as("avx2 without fma").isEqualTo("-onednn");
    }

    @Test
    void aMissingJarFallsBackToTheNextBuildInOrder() {
        assertThat(Engine.chooseExtension(P, AVX512, jars("-onednn-avx2", "-onednn", ""))).isEqualTo("-onednn-avx2");
        assertThat(Engine.chooseExtension(P, AVX512, jars("-onednn", ""))).isEqualTo("-onednn");
        assertThat(Engine.chooseExtension(P, AVX512, jars(""))).isEqualTo("");
        assertThat(Engine.chooseExtension(P, AVX512, jars())).isNull();
        assertThat(Engine.chooseExtension(P, Set.of(), jars("-onednn-avx512", "-onednn-avx2"))).isNull();
    }

    @Test
    void aBadThreadSettingIsAClearErrorAtFirstUseAndTheJvmRecovers() {
        String old = System.getProperty(Engine.THREADS);
        Schema schema = Schema.of(Column.of("x", ColumnType.FLOAT32), Column.of("y", ColumnType.FLOAT32, ColumnRole.LABEL));
        try (Dataset d = Dataset.builder(schema).add(1f, 2f).add(3f, 4f).build()) {
            System.setProperty(Engine.THREADS, "two");
            try {
                Engine.forgetStartForTests();
                assertThatThrownBy(Engine::start).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("system property bigdata.threads must be a positive integer, got 'two'");
                assertThatThrownBy(() -> d.batches().batchSize(2).build()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("bigdata.threads").hasMessageContaining("'two'");
            } finally {
                if (old == null) {
                    System.clearProperty(Engine.THREADS);
                } else {
                    System.setProperty(Engine.THREADS, old);
                }
            }
            try (BatchIterator it = d.batches().batchSize(2).build()) {
                assertThat(it.next().features().rows()).isEqualTo(2);
            }
            assertThat(Engine.start().threads()).isEqualTo(Engine.defaultThreads());
        }
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
