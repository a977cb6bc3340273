package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.TokenSequences;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's guarantees for the Transformer encoder: two data-parallel workers train it
 * deterministically, and a run resumed from a checkpoint in the middle of an epoch ends bit-identical
 * to the uninterrupted run.
 */
@ExtendWith(ArrowLeakCheck.class)
class TransformerTrainingTest {
    @TempDir
    Path dir;

    private static NeuralNetwork tiny() {
        return NeuralNetwork.transformer().vocabulary(TokenSequences.VOCABULARY).width(8).heads(2).blocks(1).build();
    }

    private static Trainer.Builder twoWorkers() {
        return Trainer.builder().epochs(2).batchSize(8).workers(2).seed(3)
                .optimizer(Optimizer.adam(3e-3).schedule(LearningRateSchedule.cosine(1e-4)));
    }

    @Test
    void twoWorkersTrainATransformerDeterministicallyAndResumeExactlyFromTheMiddleOfAnEpoch() {
        try (Dataset data = TokenSequences.dataset(48, 10, 21)) {
            NeuralNetwork a = tiny();
            twoWorkers().build().fit(a, data);
            NeuralNetwork b = tiny();
            twoWorkers().build().fit(b, data);
            assertThat(b.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
            assertThat(a.iterationCount()).isEqualTo(12);

            Path folder = dir.resolve("ckpt");
            NeuralNetwork crashed = tiny();
            // 6 batches per epoch, rounds of 2: checkpoints after 2, 4, 6 (epoch end), 8, 10; the crash comes after the
            // round of batches 4 and 5 of epoch 1 trained, before its checkpoint
            assertThatThrownBy(() -> twoWorkers().checkpoints(Checkpoints.in(folder).everyBatches(2)).listener(TrainingFixtures.crashAt(1, 4))
                    .build().fit(crashed, data)).hasMessage("simulated crash");
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(latest.getFileName().toString()).isEqualTo("checkpoint-000000000010.ckpt");
            NeuralNetwork resumed = tiny();
            twoWorkers().build().resume(latest, resumed, data, null);
            assertThat(resumed.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
        }
    }
}
