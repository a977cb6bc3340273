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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
}
