package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** The families and kinds as types: recipes from other modules, wrap checks, the registry of readers. */
@ExtendWith(ArrowLeakCheck.class)
class NetworkFamiliesTest {
    private static final ModelSignature THREE_CLASSES = ModelSignature.supervised(Schema.of(Column.of("x1", ColumnType.FLOAT64),
            Column.of("x2", ColumnType.FLOAT64), Column.categorical("y", ColumnRole.LABEL, List.of("a", "b", "c"))));

    private static Dataset tabular() {
        Dataset.RowsBuilder b = Dataset.builder(Schema.of(Column.of("x1", ColumnType.FLOAT64), Column.of("x2", ColumnType.FLOAT64),
                Column.categorical("y", ColumnRole.LABEL, List.of("a", "b", "c"))));
        for (int i = 0; i < 60; i++) {
            double x1 = (i % 7) / 7.0;
            double x2 = (i % 5) / 5.0;
            b.add(x1, x2, x1 + x2 < 0.6 ? "a" : x1 > x2 ? "b" : "c");
        }
        return b.build();
    }

    /** A two-input-free dense graph: input -> dense -> output, from the settings the trainer gives. */
    private static ComputationGraphConfiguration denseGraph(ModelSignature sig, NetworkSettings settings) {
        return settings.configuration(0).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(sig.featureWidth()).nOut(6).activation(Activation.TANH).build(), "in")
                .addLayer("out", settings.outputLayer(sig, 6), "hidden").setOutputs("out").build();
    }

    @Test
    void aGraphRecipeFromAnotherModuleTrainsWithTheTrainersSettingsAndReadsBackAsAGraph() throws Exception {
        GraphNetwork g = GraphNetwork.of("dense graph 6", NetworkFamiliesTest::denseGraph);
        assertThat(g.isInitialised()).isFalse();
        try (Dataset data = tabular()) {
            Trainer.builder().epochs(2).batchSize(16).seed(9).build().fit(g, data);
        }
        assertThat(g.kind()).isEqualTo("recipe");
        assertThat(g.family()).isEqualTo("graph");
        assertThat(g.graph().getConfiguration().getDefaultConfiguration().getSeed()).isEqualTo(9);
        assertThat(g.iterationCount()).isEqualTo(8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        g.write(bytes, true);
        Network back = Network.read("graph", "recipe", "dense graph 6", g.signature(), new ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(back).isInstanceOf(GraphNetwork.class);
        assertThat(back.parameters().toFloatVector()).containsExactly(g.parameters().toFloatVector());
        assertThat(back.updaterState().toFloatVector()).containsExactly(g.updaterState().toFloatVector());
        assertThat(back.description()).isEqualTo("dense graph 6");
    }

    @Test
    void aMultiLayerRecipeFromAnotherModuleReadsTheBatchAsGiven() throws Exception {
        NeuralNetwork n = NeuralNetwork.of("dense 4", (sig, settings) -> settings.configuration(0).list()
                .layer(new DenseLayer.Builder().nIn(sig.featureWidth()).nOut(4).activation(Activation.RELU).build())
                .layer(settings.outputLayer(sig, 4)).build());
        try (Dataset data = tabular()) {
            Trainer.builder().epochs(1).batchSize(16).seed(9).build().fit(n, data);
        }
        assertThat(n.kind()).isEqualTo("recipe");
        assertThat(n.denseInference()).as("a recipe's layout is its own: no plain-Java pass").isEmpty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        n.write(bytes, false);
        Network back = Network.read(null, "recipe", "dense 4", n.signature(), new ByteArrayInputStream(bytes.toByteArray()), false);
        assertThat(back).isInstanceOf(NeuralNetwork.class);
        assertThat(back.parameters().toFloatVector()).containsExactly(n.parameters().toFloatVector());
    }

    @Test
    void wrapChecksTheGraphLikeNeuralNetworkWrapChecksItsNetwork() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.1)).graphBuilder()
                .addInputs("in").addLayer("out", new OutputLayer.Builder(new LossMCXENT()).nIn(2).nOut(4)
                        .activation(Activation.SOFTMAX).build(), "in").setOutputs("out").build();
        ComputationGraph notInitialised = new ComputationGraph(conf);
        assertThatThrownBy(() -> GraphNetwork.wrap(notInitialised, THREE_CLASSES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call graph.init() first");
        ComputationGraph fourOutputs = new ComputationGraph(conf.clone());
        fourOutputs.init();
        assertThatThrownBy(() -> GraphNetwork.wrap(fourOutputs, THREE_CLASSES)).isInstanceOfSatisfying(SchemaMismatchException.class,
                e -> {
                    assertThat(e.columns()).containsExactly("y");
                    assertThat(e).hasMessageContaining("outputs 4 values per row but the signature needs 3");
                });
        ComputationGraph twoOutputs = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder().addInputs("in")
                .addLayer("a", new OutputLayer.Builder(new LossMCXENT()).nIn(2).nOut(3).activation(Activation.SOFTMAX).build(), "in")
                .addLayer("b", new OutputLayer.Builder(new LossMCXENT()).nIn(2).nOut(3).activation(Activation.SOFTMAX).build(), "in")
                .setOutputs("a", "b").build());
        twoOutputs.init();
        assertThatThrownBy(() -> GraphNetwork.wrap(twoOutputs, THREE_CLASSES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputs [a, b]").hasMessageContaining("one output");
        ComputationGraph three = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder().addInputs("in")
                .addLayer("out", new OutputLayer.Builder(new LossMCXENT()).nIn(2).nOut(3).activation(Activation.SOFTMAX).build(), "in")
                .setOutputs("out").build());
        three.init();
        GraphNetwork wrapped = GraphNetwork.wrap(three, THREE_CLASSES);
        assertThat(wrapped.kind()).isEqualTo("wrapped");
        assertThat(wrapped.output(Nd4j.createFromArray(new float[][] {{0.5f, 0.25f}})).shape()).containsExactly(1, 3);
    }

    @Test
    void aResidualCnnRefusesFlatFeaturesNamingThem() {
        GraphNetwork cnn = GraphNetwork.residualCnn().build();
        try (Dataset data = tabular()) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).build().fit(cnn, data)).isInstanceOfSatisfying(
                    SchemaMismatchException.class, e -> {
                        assertThat(e.columns()).containsExactly("x1", "x2");
                        assertThat(e).hasMessageContaining("one tensor column shaped [channels, height, width]");
                    });
        }
        assertThat(cnn.isInitialised()).isFalse();
    }

    @Test
    void theRegistryNamesAnUnknownFamilyOrKind() {
        assertThatThrownBy(() -> Network.read("samediff", "x", "x", THREE_CLASSES, new ByteArrayInputStream(new byte[0]), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown network family 'samediff'; this library reads [graph, int8, multilayer, seq2seq]");
        assertThatThrownBy(() -> Network.read("multilayer", "perceiver", "x", THREE_CLASSES, new ByteArrayInputStream(new byte[0]),
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown multilayer network kind 'perceiver'");
        assertThatThrownBy(() -> Network.read("graph", "mlp", "x", THREE_CLASSES, new ByteArrayInputStream(new byte[0]), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown graph network kind 'mlp'");
        assertThatThrownBy(() -> Network.read("seq2seq", "mlp", "x", THREE_CLASSES, new ByteArrayInputStream(new byte[0]), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown seq2seq network kind 'mlp'; known kinds are"
                        + " [attention-recipe]");
        assertThatThrownBy(() -> Network.read("seq2seq", "attention-recipe", "x", THREE_CLASSES,
                new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c', 0, 0, 0, 1}), false))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("not a sequence-to-sequence network");
    }

    @Test
    void workersRefuseAVaeBecauseItsStepIsItsOwn() {
        NeuralNetwork vae = NeuralNetwork.variationalAutoencoder().build();
        try (Dataset data = tabular()) {
            assertThatThrownBy(() -> Trainer.builder().epochs(1).workers(2).build().fit(vae, data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("workers(2) is not available for a variational autoencoder"
                            + " (its unsupervised step does not go through the replicas); use workers(1)");
        }
    }

    @Test
    void eachKindsBehaviourIsItsType() {
        assertThat(LayerStack.of("mlp")).isSameAs(LayerStack.DENSE);
        assertThat(LayerStack.of("logistic-regression")).isSameAs(LayerStack.DENSE);
        assertThat(LayerStack.of("autoencoder").reconstructs()).isTrue();
        assertThat(LayerStack.of("vae").reconstructs()).isTrue();
        assertThat(LayerStack.of("vae").workersUnsupported()).isPresent();
        assertThat(LayerStack.of("lstm").flattens()).isFalse();
        assertThat(LayerStack.of("wrapped").flattens()).isFalse();
        assertThat(NeuralNetwork.variationalAutoencoder().build().reconstructs()).isTrue();
        assertThat(NeuralNetwork.mlp().build().reconstructs()).isFalse();
        assertThat(NeuralNetwork.mlp().build().input(Nd4j.zeros(4, 2, 3)).shape()).containsExactly(4, 6);
        assertThat(NeuralNetwork.lstm().build().input(Nd4j.zeros(4, 2, 3)).shape()).containsExactly(4, 2, 3);
        assertThat(GraphNetwork.residualCnn().build().input(Nd4j.zeros(4, 1, 2, 3)).shape()).containsExactly(4, 1, 2, 3);
    }
}
