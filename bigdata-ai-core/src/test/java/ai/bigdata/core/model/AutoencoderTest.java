package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The autoencoder as an anomaly detector on real data: trained on olive oils from everywhere but
 * Sardinia, it reconstructs held-out non-Sardinian oils better than Sardinian ones.
 */
@ExtendWith(ArrowLeakCheck.class)
class AutoencoderTest {
    private static boolean sardinian(String area) {
        return area.endsWith("Sardinia");
    }

    private static double meanError(Dataset scored) {
        double[] sum = {0};
        scored.forEachRow(r -> sum[0] += r.getDouble("reconstruction_error"));
        return sum[0] / scored.rowCount();
    }

    @Test
    void reconstructionErrorFlagsOilsFromAnUnseenRegion() {
        check(NeuralNetwork.autoencoder().encoder(6, 3).build(), 2.0);
    }

    @Test
    void variationalAutoencoderFlagsThemToo() {
        check(NeuralNetwork.variationalAutoencoder().encoder(16).latent(3).build(), 1.5);
    }

    private void check(NeuralNetwork ae, double factor) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Dataset usual = olive.filter(r -> !sardinian(r.getString("area")));
             Dataset sardinia = olive.filter(r -> sardinian(r.getString("area")));
             Split split = usual.split().train(0.8).test(0.2).seed(1).build()) {
            Transform prep = Pipeline.of(Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset heldOut = prep.apply(split.test());
                 Dataset unseen = prep.apply(sardinia)) {
                TrainingHistory h = Trainer.builder().epochs(60).batchSize(16).optimizer(Optimizer.adam(3e-3)).seed(5).build()
                        .fit(ae, train, heldOut);
                assertThat(ae.signature().task()).isEqualTo(Task.RECONSTRUCTION);
                assertThat(h.last().validation().get("loss")).isLessThan(h.epochs().get(0).validation().get("loss"));
                try (Dataset a = ae.predict(heldOut); Dataset b = ae.predict(unseen)) {
                    double normal = meanError(a);
                    double anomalous = meanError(b);
                    assertThat(anomalous).as(ae + ": unseen %.3f vs held-out %.3f", anomalous, normal).isGreaterThan(factor * normal);
                }
            }
        }
    }
}
