package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Trainer;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.conf.weightnoise.WeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

@ExtendWith(ArrowLeakCheck.class)
class DenseInferenceTest {
    /** Trains each model for three epochs on scaled olive data. */
    private static List<NeuralNetwork> trainedOnOlive(List<Supplier<NeuralNetwork>> models) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Dataset data = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive)) {
            return models.stream().map(s -> {
                NeuralNetwork m = s.get();
                Trainer.builder().epochs(3).build().fit(m, data);
                return m;
            }).toList();
        }
    }

    private static final List<Supplier<NeuralNetwork>> DENSE = List.of(
            () -> NeuralNetwork.mlp().hidden(32, 16).dropout(0.2).build(),
            () -> NeuralNetwork.mlp().hidden(24).activation(Activation.TANH).batchNorm().build(),
            () -> NeuralNetwork.mlp().hidden(12).activation(Activation.SIGMOID).build(),
            () -> NeuralNetwork.logisticRegression().build());

    @Test
    void agreesWithTheEngineOnTrainedNetworks() {
        for (NeuralNetwork m : trainedOnOlive(DENSE)) {
            MultiLayerNetwork net = m.network();
            DenseInference dense = DenseInference.of(net).orElseThrow(() -> new AssertionError(m + " not covered"));
            INDArray x = Nd4j.randn(DataType.FLOAT, 50, 8);
            float[][] engine = net.output(x).toFloatMatrix();
            float[][] rows = x.toFloatMatrix();
            for (int i = 0; i < rows.length; i++) {
                float[] ours = dense.output(rows[i]);
                for (int j = 0; j < ours.length; j++) {
                    assertThat(ours[j]).as(m + " row " + i).isCloseTo(engine[i][j], within(1e-4f));
                }
            }
        }
    }

    @Test
    void nativeBatchPassAgreesWithDl4jOutputForAnyActivation() {
        List<Supplier<NeuralNetwork>> models = new java.util.ArrayList<>(DENSE);
        models.add(() -> NeuralNetwork.mlp().hidden(16).activation(Activation.ELU).build());
        models.add(() -> NeuralNetwork.mlp().hidden(16).activation(Activation.LEAKYRELU).batchNorm().dropout(0.1).build());
        for (NeuralNetwork m : trainedOnOlive(models)) {
            MultiLayerNetwork net = m.network();
            assertThat(NativeDenseForward.supports(net)).as(m.toString()).isTrue();
            for (int rows : new int[] {1, 7, 300}) {
                INDArray x = Nd4j.randn(DataType.FLOAT, rows, 8);
                float[][] engine = net.output(x, false).toFloatMatrix();
                float[][] ours = m.output(x).toFloatMatrix();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < ours[i].length; j++) {
                        assertThat(ours[i][j]).as(m + " row " + i + " of " + rows).isCloseTo(engine[i][j], within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void declinesLayersItDoesNotCover() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            NeuralNetwork m = NeuralNetwork.mlp().hidden(8).activation(Activation.ELU).build();
            try (Dataset data = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive)) {
                Trainer.builder().epochs(1).build().fit(m, data);
            }
            assertThat(DenseInference.of(m.network())).isEmpty();
        }
    }

    /** A user's network on the olive signature: the given hidden layers, then a softmax output; parameters random. */
    private static MultiLayerNetwork userNetwork(ModelSignature sig, org.deeplearning4j.nn.conf.layers.Layer... hidden) {
        var list = new NeuralNetConfiguration.Builder().seed(12).list();
        for (org.deeplearning4j.nn.conf.layers.Layer l : hidden) {
            list.layer(l);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(sig.outputWidth())
                .activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        Nd4j.getRandom().setSeed(3);
        // every parameter (weights, gains, running means and variances) away from its initial value, all positive
        net.params().assign(Nd4j.rand(DataType.FLOAT, net.params().shape()).addi(0.1));
        return net;
    }

    private static DenseLayer.Builder dense(int nIn) {
        return new DenseLayer.Builder().nIn(nIn).nOut(16).activation(Activation.TANH);
    }

    private static void assertAgrees(String what, float[][] expected, float[][] actual, float tolerance) {
        assertThat(actual.length).as(what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as(what + " row " + i + " output " + j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    @Test
    @DisplayName("wrapped networks through the dense fast paths")
    void wrappedNetworksGiveDl4jOutputsThroughTheFastPaths() {
        ModelSignature sig;
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            sig = ModelSignature.supervised(olive.schema());
        }
        int in = sig.featureWidth();
        record Case(String name, MultiLayerNetwork net, boolean covered) {
        }
        List<Case> cases = List.of(
                new Case("plain dense", userNetwork(sig, dense(in).build()), true),
                new Case("dense with a max-norm constraint (acts in training only)",
                        userNetwork(sig, dense(in).constrainWeights(new MaxNormConstraint(2.0, 1)).build()), true),
                new Case("batch normalisation first", userNetwork(sig, new BatchNormalization.Builder().nIn(in).nOut(in).build(),
                        dense(in).build()), true),
                new Case("dense with layer normalisation", userNetwork(sig, dense(in).hasLayerNorm(true).build()), false),
                new Case("batch normalisation with locked gamma and beta", userNetwork(sig, dense(in).build(),
                        new BatchNormalization.Builder().nIn(16).nOut(16).lockGammaBeta(true).gamma(2.5).beta(-0.5).build()), false),
                new Case("dense with weight noise on weights and bias (acts in training only)", userNetwork(sig, dense(in)
                        .weightNoise(new WeightNoise(new NormalDistribution(0, 0.5), true)).build()), true),
                new Case("dense with drop-connect (acts in training only)",
                        userNetwork(sig, dense(in).weightNoise(new DropConnect(0.5)).build()), true),
                new Case("dense with a user's weight noise", userNetwork(sig, dense(in).weightNoise(new ShiftAtInference()).build()),
                        false));
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.FLOAT, 40, in);
        for (Case c : cases) {
            NeuralNetwork model = NeuralNetwork.wrap(c.net(), sig);
            float[][] engine = c.net().output(x, false).toFloatMatrix();
            assertAgrees(c.name() + " through NeuralNetwork.output", engine, model.output(x).toFloatMatrix(), c.covered() ? 1e-5f : 0f);
            assertThat(NativeDenseForward.supports(c.net())).as(c.name()).isEqualTo(c.covered());
            java.util.Optional<DenseInference> plain = DenseInference.of(c.net());
            assertThat(plain).as(c.name()).matches(p -> p.isPresent() == c.covered());
            if (plain.isPresent()) {
                float[][] rows = x.toFloatMatrix();
                float[][] ours = new float[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    ours[i] = plain.get().output(rows[i]);
                }
                assertAgrees(c.name() + " through DenseInference", engine, ours, 1e-5f);
            }
        }
    }

    /** A user's weight noise that shifts every parameter at inference too. */
    static final class ShiftAtInference implements IWeightNoise {
        private static final long serialVersionUID = 1L;

        @Override
        public INDArray getParameter(org.deeplearning4j.nn.api.Layer layer, String key, int iteration, int epoch, boolean train,
                LayerWorkspaceMgr workspaces) {
            return layer.getParam(key).add(0.25);
        }

        @Override
        public IWeightNoise clone() {
            return new ShiftAtInference();
        }
    }
}
