package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.CrossValidation;
import ai.bigdata.core.eval.CrossValidationReport;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's guarantees for the graph family, on real Fashion-MNIST images: data-parallel workers,
 * exact resume from a checkpoint in the middle of an epoch, early stopping's best-model restore,
 * cross-validation, and a checkpoint that restores only into its own family.
 */
@ExtendWith(ArrowLeakCheck.class)
class GraphTrainingTest {
    @TempDir
    Path dir;

    private static GraphNetwork tinyCnn() {
        return GraphNetwork.residualCnn().stem(4).blocks(4, 8).build();
    }

    private static Trainer.Builder twoWorkers() {
        return Trainer.builder().epochs(2).batchSize(16).workers(2).seed(3)
                .optimizer(Optimizer.adam(3e-3).schedule(LearningRateSchedule.cosine(1e-4)));
    }

    @Test
    void twoWorkersTrainAGraphDeterministicallyAndResumeExactlyFromTheMiddleOfAnEpoch() {
        try (Dataset data = FashionImages.train(0, 96)) {
            GraphNetwork a = tinyCnn();
            twoWorkers().build().fit(a, data);
            GraphNetwork b = tinyCnn();
            twoWorkers().build().fit(b, data);
            assertThat(b.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
            assertThat(a.iterationCount()).isEqualTo(12);

            Path folder = dir.resolve("ckpt");
            GraphNetwork crashed = tinyCnn();
            // 6 batches per epoch, rounds of 2: checkpoints after 2, 4, 6 (epoch end), 8, 10; the crash comes after the
            // round of batches 4 and 5 of epoch 1 trained, before its checkpoint
            assertThatThrownBy(() -> twoWorkers().checkpoints(Checkpoints.in(folder).everyBatches(2)).listener(TrainingFixtures.crashAt(1, 4))
                    .build().fit(crashed, data)).hasMessage("simulated crash");
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(latest.getFileName().toString()).isEqualTo("checkpoint-000000000010.ckpt");
            GraphNetwork resumed = tinyCnn();
            twoWorkers().build().resume(latest, resumed, data, null);
            assertThat(resumed.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
        }
    }

    @Test
    void earlyStoppingRestoresTheGraphsBestParameters() {
        try (Dataset train = FashionImages.train(0, 64); Dataset validation = FashionImages.train(64, 32)) {
            GraphNetwork g = tinyCnn();
            float[][] perEpoch = new float[4][];
            // no later epoch improves the loss by 1e9: epoch 1 stays the best, and its parameters come back after epoch 4
            TrainingHistory h = Trainer.builder().epochs(4).batchSize(16).seed(3).optimizer(Optimizer.adam(3e-3))
                    .earlyStopping(EarlyStopping.patience(4).minDelta(1e9)).listener(new TrainingListener() {
                        @Override
                        public void onEpoch(EpochRecord record, int epochs) {
                            perEpoch[record.epoch() - 1] = g.parameters().toFloatVector();
                        }
                    }).build().fit(g, train, validation);
            assertThat(h.epochs()).hasSize(4);
            assertThat(h.epochs().get(0).learningRate()).isEqualTo(3e-3);
            assertThat(h.bestEpoch()).isEqualTo(1);
            assertThat(perEpoch[3]).isNotEqualTo(perEpoch[0]);
            assertThat(g.parameters().toFloatVector()).containsExactly(perEpoch[0]);
        }
    }

    @Test
    void crossValidationTrainsAFreshGraphPerFoldOnItsTrainingFoldsOnly() {
        List<GraphNetwork> made = new ArrayList<>();
        try (Dataset data = FashionImages.train(0, 64)) {
            CrossValidationReport r = CrossValidation.of(Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)), () -> {
                GraphNetwork g = tinyCnn();
                made.add(g);
                return g;
            }, Trainer.builder().epochs(1).batchSize(16).seed(3).build()).folds(2).seed(1).run(data);
            assertThat(r.folds()).hasSize(2);
            assertThat(r.folds()).allSatisfy(f -> assertThat(((ClassificationReport) f).rows()).isEqualTo(32));
        }
        assertThat(made).hasSize(2).allSatisfy(g -> assertThat(g.iterationCount()).as("32 training rows, batch 16").isEqualTo(2));
    }

    @Test
    void aGraphCheckpointRestoresIntoAGraphOnly() {
        try (Dataset data = FashionImages.train(0, 32)) {
            Path folder = dir.resolve("g");
            Trainer trainer = Trainer.builder().epochs(1).batchSize(16).seed(3).checkpoints(Checkpoints.in(folder)).build();
            trainer.fit(tinyCnn(), data);
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(CheckpointFile.read(latest).network()).isInstanceOf(GraphNetwork.class);
            assertThatThrownBy(() -> trainer.resume(latest, NeuralNetwork.mlp().build(), data, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("holds a graph residual-cnn, not a mlp");
        }
    }
}
