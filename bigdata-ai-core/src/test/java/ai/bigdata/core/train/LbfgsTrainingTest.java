package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Logistic regression trained by {@code Optimizer.lbfgs()} through the ordinary Trainer: on the bundled
 * olive data (standardised acids, nine areas, l2 = 1 / rows, i.e. scikit-learn's C = 1) it lands where
 * scikit-learn's lbfgs lands (golden/logistic_olive.json) with the same training accuracy.
 */
@ExtendWith(ArrowLeakCheck.class)
class LbfgsTrainingTest {

    private static Dataset olive() {
        Path csv = SharedData.file("tabular/olive.csv");
        try (Dataset raw = Dataset.readCsv(csv).label("area").read()) {
            return raw.drop("region");
        }
    }

    @Test
    void logisticRegressionLandsWhereScikitLearnLands() throws IOException {
        JsonNode g;
        try (InputStream in = LbfgsTrainingTest.class.getResourceAsStream("/golden/logistic_olive.json")) {
            g = new ObjectMapper().readTree(in).get("area_multinomial_C1");
        }
        try (Dataset data = olive()) {
            Transform scale = Scale.standard().fit(data);
            try (Dataset x = scale.apply(data)) {
                NeuralNetwork model = NeuralNetwork.logisticRegression().l2(1.0 / x.rowCount()).build();
                TrainingHistory h = Trainer.builder().optimizer(Optimizer.lbfgs()).build().fit(model, x);
                assertThat(h.epochs()).hasSize(1);
                assertThat(h.warnings()).isEmpty();
                INDArray w = model.network().getParam("0_W");
                assertThat(w.shape()).containsExactly(8, 9);
                // scikit-learn numbers the areas in sorted order; the model in the order the file lists them
                java.util.List<String> areas = model.signature().classNames();
                java.util.List<String> sorted = new java.util.ArrayList<>(new java.util.TreeSet<>(areas));
                for (int k = 0; k < 9; k++) {
                    int gk = sorted.indexOf(areas.get(k));
                    for (int j = 0; j < 8; j++) {
                        assertThat(w.getDouble(j, k)).as("acid %d, area %s", j, areas.get(k))
                                .isCloseTo(g.get("coef").get(gk).get(j).asDouble(), within(1e-3));
                    }
                }
                double accuracy = Evaluator.classification().evaluate(model, x).metrics().get("accuracy");
                assertThat(accuracy).isEqualTo(g.get("train_accuracy").asDouble());
                // deterministic: a second solve gives the same weights bit for bit
                NeuralNetwork again = NeuralNetwork.logisticRegression().l2(1.0 / x.rowCount()).build();
                Trainer.builder().optimizer(Optimizer.lbfgs()).build().fit(again, x);
                assertThat(again.network().params()).isEqualTo(model.network().params());
            }
        }
    }

    @Test
    void onlyLogisticRegressionAndNoMiniBatchOptions() {
        try (Dataset x = olive()) {
            assertThatThrownBy(() -> Trainer.builder().optimizer(Optimizer.lbfgs()).build().fit(NeuralNetwork.mlp().hidden(4).build(), x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trains logistic regression").hasMessageContaining("mlp");
            assertThatThrownBy(() -> Trainer.builder().optimizer(Optimizer.lbfgs()).workers(2).earlyStopping(EarlyStopping.patience(3))
                    .build().fit(NeuralNetwork.logisticRegression().build(), x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[earlyStopping, workers(2)]");
            assertThatThrownBy(() -> Optimizer.lbfgs().schedule(LearningRateSchedule.constant()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no learning-rate schedule");
            assertThatThrownBy(() -> Optimizer.lbfgs(0, 1e-4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTooShortIterationLimitIsAWarningNotASilentResult() {
        try (Dataset data = olive(); Dataset x = Scale.standard().fit(data).apply(data)) {
            TrainingHistory h = Trainer.builder().optimizer(Optimizer.lbfgs(2, 1e-8)).build()
                    .fit(NeuralNetwork.logisticRegression().build(), x);
            assertThat(h.warnings()).singleElement().asString().contains("limit of 2 iterations");
        }
    }

    @Test
    void wideFeaturesAreGatheredInBatchesOfAtMost64MegabytesOfDoubles() {
        // a 4,834 x 20,000 TF-IDF matrix once went through the heap in one 773 MB block next to its 773 MB copy
        assertThat(FullBatchFit.gatherRows(20_000) * 20_000L * Double.BYTES).isLessThanOrEqualTo(64L << 20);
        assertThat(FullBatchFit.gatherRows(4)).isEqualTo(8192);
        assertThat(FullBatchFit.gatherRows(100_000_000)).isEqualTo(1);
    }
}
