package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Resuming from checkpoints ends exactly where an uninterrupted run ends: after early stopping, and with workers. */
@ExtendWith(ArrowLeakCheck.class)
class CheckpointResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumingTheLastCheckpointOfAnEarlyStoppedRunTrainsNoFurther() {
        try (Dataset olive = TrainingFixtures.olivePrepared();
             Split split = olive.split().train(0.8).validation(0.2).stratifyBy("area").seed(2).build()) {
            Supplier<Trainer.Builder> recipe = () -> Trainer.builder().epochs(300).batchSize(32).seed(4)
                    .optimizer(Optimizer.adam(3e-2)).earlyStopping(EarlyStopping.patience(2));
            NeuralNetwork first = NeuralNetwork.mlp().hidden(32).build();
            Path ckpt = dir.resolve("early");
            TrainingHistory h = recipe.get().checkpoints(Checkpoints.in(ckpt).keepLast(1)).build()
                    .fit(first, split.train(), split.validation());
            assertThat(h.stoppedEarly()).isTrue();
            assertThat(h.epochs().size()).isLessThan(300);

            NeuralNetwork resumed = NeuralNetwork.mlp().hidden(32).build();
            TrainingHistory again = recipe.get().build().resume(Checkpoints.latest(ckpt).orElseThrow(), resumed, split.train(),
                    split.validation());
            assertThat(again.stoppedEarly()).isTrue();
            assertThat(again.epochs()).hasSameSizeAs(h.epochs());
            assertThat(again.bestEpoch()).isEqualTo(h.bestEpoch());
            assertThat(resumed.network().params().toFloatVector()).containsExactly(first.network().params().toFloatVector());
        }
    }

    @Test
    void stoppedEarlySurvivesTheStateRoundTripAndIsReadFromTheHistoryOfOlderCheckpoints() {
        TrainingState s = new TrainingState();
        s.seed = 1;
        s.batchSize = 8;
        s.epoch = 5;
        s.bestEpoch = 3;
        s.stoppedEarly = true;
        for (int e = 1; e <= 5; e++) {
            s.history.add(new EpochRecord(e, 1.0 / e, java.util.Map.of("loss", 1.0), 1e-3, 0.5));
        }
        assertThat(TrainingState.fromMap(s.toMap()).stoppedEarly).isTrue();
        java.util.Map<String, Object> older = new java.util.LinkedHashMap<>(s.toMap());
        older.remove("stoppedEarly"); // written before the flag had its own field; the history carried it
        assertThat(TrainingState.fromMap(older).stoppedEarly).isTrue();
        s.stoppedEarly = false;
        assertThat(TrainingState.fromMap(s.toMap()).stoppedEarly).isFalse();
    }

    private float[] twoWorkerRun(Dataset data, Checkpoints checkpoints, TrainingListener crash) {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
        Trainer.Builder b = Trainer.builder().epochs(3).batchSize(64).workers(2).seed(8)
                .optimizer(Optimizer.adam(1e-2).schedule(LearningRateSchedule.cosine(1e-4)));
        if (checkpoints != null) {
            b.checkpoints(checkpoints);
        }
        if (crash != null) {
            b.listener(crash);
            assertThatThrownBy(() -> b.build().fit(model, data)).hasMessage("simulated crash");
            return null;
        }
        b.build().fit(model, data);
        return model.network().params().toFloatVector();
    }

    private float[] resumeTwoWorkers(Dataset data, Path folder) {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
        Trainer.builder().epochs(3).batchSize(64).workers(2).seed(8)
                .optimizer(Optimizer.adam(1e-2).schedule(LearningRateSchedule.cosine(1e-4))).build()
                .resume(Checkpoints.latest(folder).orElseThrow(), model, data, null);
        return model.network().params().toFloatVector();
    }

    private static long batchesIn(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().replaceAll("\\D", ""));
    }

    @Test
    void twoWorkersResumeExactlyFromAnEpochBoundary() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            float[] uninterrupted = twoWorkerRun(data, null, null);
            Path folder = dir.resolve("epochs");
            twoWorkerRun(data, Checkpoints.in(folder).everyEpochs(1), TrainingFixtures.crashAt(2, 4));
            assertThat(batchesIn(Checkpoints.latest(folder).orElseThrow())).as("after epoch 2 of 9 batches").isEqualTo(18);
            assertThat(resumeTwoWorkers(data, folder)).containsExactly(uninterrupted);
        }
    }

    @Test
    void twoWorkersResumeExactlyFromTheMiddleOfAnEpoch() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            float[] uninterrupted = twoWorkerRun(data, null, null);
            Path folder = dir.resolve("batches");
            twoWorkerRun(data, Checkpoints.in(folder).everyEpochs(0).everyBatches(4), TrainingFixtures.crashAt(2, 7));
            assertThat(batchesIn(Checkpoints.latest(folder).orElseThrow())).as("epoch 2, batch 4").isEqualTo(22);
            assertThat(resumeTwoWorkers(data, folder)).containsExactly(uninterrupted);
        }
    }
}
