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
    @Test
    void agreesWithTheEngineOnTrainedNetworks() {
        List<Supplier<NeuralNetwork>> models = List.of(
                () -> NeuralNetwork.mlp().hidden(32, 16).dropout(0.2).build(),
                () -> NeuralNetwork.mlp().hidden(24).activation(Activation.TANH).batchNorm().build(),
                () -> NeuralNetwork.mlp().hidden(12).activation(Activation.SIGMOID).build(),
                () -> NeuralNetwork.logisticRegression().build());
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            try (Dataset data = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive)) {
                for (Supplier<NeuralNetwork> s : models) {
                    NeuralNetwork m = s.get();
                    Trainer.builder().epochs(3).build().fit(m, data);
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
