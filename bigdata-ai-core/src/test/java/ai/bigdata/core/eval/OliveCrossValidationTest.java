package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The protocol: stratified 5-fold cross-validation of impute + scale + MLP predicting olive oil areas. */
@ExtendWith(ArrowLeakCheck.class)
class OliveCrossValidationTest {
    @Test
    void imputeScaleMlpReachesNinetyFivePercent() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            Trainer trainer = Trainer.builder().epochs(100).batchSize(32)
                    .optimizer(Optimizer.adam(1e-3)).seed(42).build();
            CrossValidationReport cv = CrossValidation.of(Pipeline.of(Impute.median(), Scale.standard()),
                    () -> NeuralNetwork.mlp().hidden(64).l2(1e-4).build(), trainer)
                    .folds(5).stratifyBy("area").seed(42).run(olive);
            System.out.println(cv);
            assertThat(cv.folds()).hasSize(5);
            assertThat(cv.mean("accuracy")).isGreaterThanOrEqualTo(0.95);
            assertThat(cv.std("accuracy")).isLessThan(0.05);
        }
    }
}
