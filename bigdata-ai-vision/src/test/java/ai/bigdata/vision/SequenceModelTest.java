package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The LSTM builder on real data: each Fashion-MNIST image read as a sequence of 28 rows of 28 pixels
 * (time steps first), classified from the last step's state.
 */
@ExtendWith(ArrowLeakCheck.class)
class SequenceModelTest {
    @Test
    void lstmClassifiesImagesReadRowByRow() {
        try (Dataset images = FashionMnist.embeddedSample();
             Split split = images.split().train(0.8).test(0.2).stratifyBy("label").seed(7).build()) {
            NeuralNetwork lstm = NeuralNetwork.lstm().units(48).build();
            Trainer.builder().epochs(8).batchSize(32).optimizer(Optimizer.adam(5e-3)).seed(3).build().fit(lstm, split.train());
            assertThat(lstm.signature().featureShape()).containsExactly(28, 28);
            double accuracy = Evaluator.classification().evaluate(lstm, split.test()).accuracy();
            assertThat(accuracy).as("ten classes: chance is 0.1").isGreaterThan(0.55);
            try (Dataset predicted = lstm.predict(split.test())) {
                assertThat(predicted.schema().names()).contains("prediction", "probabilities");
            }
        }
    }
}
