package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.LearningRateSchedule;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trainer runs through the own dense training pass stay deterministic and resume exactly: the same
 * seed gives bit-identical parameters, and a run resumed from a mid-epoch checkpoint ends bit-identical
 * to an uninterrupted one.
 */
@ExtendWith(ArrowLeakCheck.class)
class DenseTrainingRunTest {
    @TempDir
    Path dir;

    private static Dataset olive() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            return Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive);
        }
    }

    private static NeuralNetwork model() {
        return NeuralNetwork.mlp().hidden(16, 8).l2(1e-4).build();
    }

    private static Trainer.Builder trainer() {
        return Trainer.builder().epochs(3).batchSize(50).seed(9)
                .optimizer(Optimizer.adamW(1e-2, 1e-3).schedule(LearningRateSchedule.cosine(1e-4)));
    }

    @Test
    void sameSeedGivesBitIdenticalParametersThroughTheOwnPass() {
        try (Dataset data = olive()) {
            NeuralNetwork a = model();
            NeuralNetwork b = model();
            trainer().build().fit(a, data);
            trainer().build().fit(b, data);
            assertThat(a.trainsWithOwnPass()).isTrue();
            assertThat(a.iterationCount()).isEqualTo(3 * ((data.rowCount() + 49) / 50));
            assertThat(a.network().params().toFloatVector()).containsExactly(b.network().params().toFloatVector());
            assertThat(a.updaterState().toFloatVector()).containsExactly(b.updaterState().toFloatVector());
        }
    }

    @Test
    void resumeFromAMidEpochCheckpointEndsBitIdentical() {
        try (Dataset data = olive()) {
            NeuralNetwork whole = model();
            trainer().build().fit(whole, data);
            assertThat(whole.trainsWithOwnPass()).isTrue();

            Path folder = dir.resolve("ckpt");
            TrainingListener crash = new TrainingListener() {
                @Override
                public void onBatch(BatchEvent e) {
                    if (e.epoch() == 1 && e.batch() == 5) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            };
            NeuralNetwork crashed = model();
            assertThatThrownBy(() -> trainer().checkpoints(Checkpoints.in(folder).everyEpochs(0).everyBatches(3)).listener(crash)
                    .build().fit(crashed, data)).hasMessage("simulated crash");
            NeuralNetwork resumed = model();
            trainer().build().resume(Checkpoints.latest(folder).orElseThrow(), resumed, data, null);
            assertThat(resumed.trainsWithOwnPass()).isTrue();
            assertThat(resumed.iterationCount()).isEqualTo(whole.iterationCount());
            assertThat(resumed.network().params().toFloatVector()).containsExactly(whole.network().params().toFloatVector());
            assertThat(resumed.updaterState().toFloatVector()).containsExactly(whole.updaterState().toFloatVector());
        }
    }
}
