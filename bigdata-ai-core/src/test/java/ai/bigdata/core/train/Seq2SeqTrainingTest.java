package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.model.Reversals;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's guarantees for the encoder-decoder: two data-parallel workers train it deterministically
 * and it still learns, and a run resumed from a checkpoint in the middle of an epoch ends bit-identical
 * to the uninterrupted run.
 */
@ExtendWith(ArrowLeakCheck.class)
class Seq2SeqTrainingTest {
    @TempDir
    Path dir;

    private static Seq2SeqNetwork tiny() {
        return Seq2SeqNetwork.attention().sourceVocabulary(Reversals.IDS).targetVocabulary(Reversals.IDS).embedding(8).hidden(16).build();
    }

    private static Trainer.Builder twoWorkers(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(16).workers(2).seed(3).optimizer(Optimizer.adam(1e-2));
    }

    @Test
    void twoWorkersTrainAnEncoderDecoderDeterministicallyAndResumeExactlyFromTheMiddleOfAnEpoch() {
        try (Dataset data = Reversals.dataset(96, 21)) {
            Seq2SeqNetwork a = tiny();
            twoWorkers(2).build().fit(a, data);
            Seq2SeqNetwork b = tiny();
            twoWorkers(2).build().fit(b, data);
            assertThat(b.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
            assertThat(a.iterationCount()).isEqualTo(12);

            Path folder = dir.resolve("ckpt");
            Seq2SeqNetwork crashed = tiny();
            // 6 batches per epoch, rounds of 2: checkpoints after 2, 4, 6 (epoch end), 8, 10; the crash comes after the
            // round of batches 4 and 5 of epoch 1 trained, before its checkpoint
            assertThatThrownBy(() -> twoWorkers(2).checkpoints(Checkpoints.in(folder).everyBatches(2)).listener(TrainingFixtures.crashAt(1, 4))
                    .build().fit(crashed, data)).hasMessage("simulated crash");
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(latest.getFileName().toString()).isEqualTo("checkpoint-000000000010.ckpt");
            Seq2SeqNetwork resumed = tiny();
            twoWorkers(2).build().resume(latest, resumed, data, null);
            assertThat(resumed.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
        }
    }

    @Test
    void twoAveragedWorkersStillLearnToReverse() {
        try (Dataset train = Reversals.dataset(1000, 31); Dataset test = Reversals.dataset(200, 32)) {
            Seq2SeqNetwork net = tiny();
            SequenceReport before = Evaluator.sequence().evaluate(copyUntrained(train), test);
            twoWorkers(5).build().fit(net, train);
            SequenceReport after = Evaluator.sequence().evaluate(net, test);
            System.out.println("reversal with two workers: untrained " + before + "; trained " + after);
            assertThat(after.tokenErrorRate()).isLessThan(0.3).isLessThan(before.tokenErrorRate() / 2);
        }
    }

    /** A network initialised on the data but not trained (a learning rate too small to move it). */
    private static Seq2SeqNetwork copyUntrained(Dataset data) {
        Seq2SeqNetwork net = tiny();
        try (Dataset few = data.head(16)) {
            Trainer.builder().epochs(1).batchSize(16).seed(3).optimizer(Optimizer.adam(1e-12)).build().fit(net, few);
        }
        return net;
    }
}
