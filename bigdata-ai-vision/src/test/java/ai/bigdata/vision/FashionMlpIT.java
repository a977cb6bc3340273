package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.LearningRateSchedule;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Fashion-MNIST check: flat pixels, an MLP 784-256-128-10. The epoch is selected (early
 * stopping, best epoch restored) on a validation part held out from the 60,000 training images; the
 * 10,000-image test set is touched once, at the end, for the reported accuracy.
 */
@ExtendWith(ArrowLeakCheck.class)
class FashionMlpIT {
    @Test
    void mlpOnFlatPixelsReachesEightyEightPercent() {
        Path dir = SharedData.file("fashion-mnist");
        NeuralNetwork model = NeuralNetwork.mlp().hidden(256, 128).build();
        try (Dataset all = FashionMnist.read(dir, "train");
             Split split = all.split().train(0.9).validation(0.1).stratifyBy("label").seed(42).build()) {
            assertThat(split.train().rowCount() + split.validation().rowCount()).isEqualTo(60_000);
            TrainingHistory h = Trainer.builder().epochs(10).batchSize(128)
                    .optimizer(Optimizer.adam(1e-3).schedule(LearningRateSchedule.cosine(1e-5))).seed(42)
                    .earlyStopping(EarlyStopping.patience(3).monitor("accuracy")).build()
                    .fit(model, split.train(), split.validation());
            for (EpochRecord e : h.epochs()) {
                System.out.printf("epoch %d: train loss %.4f, validation accuracy %.4f, %.1f s%n", e.epoch(), e.trainLoss(),
                        e.validation().get("accuracy"), e.seconds());
            }
            System.out.println("selected epoch " + h.bestEpoch());
        }
        try (Dataset test = FashionMnist.read(dir, "t10k")) {
            ClassificationReport report = Evaluator.classification().evaluate(model, test);
            System.out.println(report);
            assertThat(report.rows()).isEqualTo(10_000);
            assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.88);
        }
    }
}
