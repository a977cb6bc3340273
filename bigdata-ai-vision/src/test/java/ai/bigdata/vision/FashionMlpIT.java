package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.LearningRateSchedule;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Fashion-MNIST check: flat pixels, an MLP 784-256-128-10, full 60,000-image train set, 10,000-image test set. */
class FashionMlpIT {
    @Test
    void mlpOnFlatPixelsReachesEightyEightPercent() {
        Path dir = SharedData.file("fashion-mnist");
        try (Dataset train = FashionMnist.read(dir, "train"); Dataset test = FashionMnist.read(dir, "t10k")) {
            NeuralNetwork model = NeuralNetwork.mlp().hidden(256, 128).build();
            TrainingHistory h = Trainer.builder().epochs(10).batchSize(128)
                    .optimizer(Optimizer.adam(1e-3).schedule(LearningRateSchedule.cosine(1e-5))).seed(42).build()
                    .fit(model, train, test);
            for (EpochRecord e : h.epochs()) {
                System.out.printf("epoch %d: train loss %.4f, test accuracy %.4f, %.1f s%n", e.epoch(), e.trainLoss(),
                        e.validation().get("accuracy"), e.seconds());
            }
            ClassificationReport report = Evaluator.classification().evaluate(model, test);
            System.out.println(report);
            assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.88);
        }
    }
}
