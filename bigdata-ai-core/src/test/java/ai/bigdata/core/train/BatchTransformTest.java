package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** A seeded batch transform (augmentation) sees every training batch, and runs stay exact: resumed and with two workers. */
@ExtendWith(ArrowLeakCheck.class)
class BatchTransformTest {
    @TempDir
    Path dir;

    /** Adds noise seeded by (epoch, batch): the same batch always gets the same noise; records what it saw. */
    private static BatchTransform noise(List<String> seen) {
        return (features, epoch, batch) -> {
            seen.add(epoch + ":" + batch);
            Random rnd = new Random(1_000L * epoch + batch);
            float[] n = new float[(int) features.length()];
            for (int i = 0; i < n.length; i++) {
                n[i] = (float) (0.1 * rnd.nextGaussian());
            }
            return features.add(Nd4j.create(n, features.shape(), features.ordering()));
        };
    }

    private static float[] run(Dataset data, int workers, BatchTransform t, Checkpoints checkpoints, Integer crashAtBatch) {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(8).build();
        Trainer.Builder b = Trainer.builder().epochs(2).batchSize(64).seed(5).workers(workers).optimizer(Optimizer.adam(1e-2));
        if (t != null) {
            b.batchTransform(t);
        }
        if (checkpoints != null) {
            b.checkpoints(checkpoints);
        }
        if (crashAtBatch != null) {
            b.listener(TrainingFixtures.crashAt(1, crashAtBatch));
            assertThatThrownBy(() -> b.build().fit(model, data)).hasMessage("simulated crash");
            return null;
        }
        b.build().fit(model, data);
        return model.network().params().toFloatVector();
    }

    @Test
    void everyTrainingBatchIsTransformedAndTheResultDependsOnIt() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            float[] with = run(data, 1, noise(seen), null, null);
            assertThat(seen).hasSize(18).startsWith("0:0", "0:1").endsWith("1:8");
            assertThat(with).isNotEqualTo(run(data, 1, null, null, null));
            assertThat(run(data, 1, noise(new ArrayList<>()), null, null)).containsExactly(with);
        }
    }

    @Test
    void aResumedRunAndTwoWorkersSeeTheSameTransformedBatches() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            float[] uninterrupted = run(data, 1, noise(new ArrayList<>()), null, null);
            Path folder = dir.resolve("ckpt");
            run(data, 1, noise(new ArrayList<>()), Checkpoints.in(folder).everyEpochs(0).everyBatches(3), 5);
            NeuralNetwork resumed = NeuralNetwork.mlp().hidden(8).build();
            Trainer.builder().epochs(2).batchSize(64).seed(5).optimizer(Optimizer.adam(1e-2)).batchTransform(noise(new ArrayList<>()))
                    .build().resume(Checkpoints.latest(folder).orElseThrow(), resumed, data, null);
            assertThat(resumed.network().params().toFloatVector()).containsExactly(uninterrupted);
            float[] two = run(data, 2, noise(new ArrayList<>()), null, null);
            assertThat(run(data, 2, noise(new ArrayList<>()), null, null)).containsExactly(two);
        }
    }

    @Test
    void theNextBatchIsTransformedOnAnotherThreadWhileTheCurrentOneTrains() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            CountDownLatch firstTrained = new CountDownLatch(1);
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            List<Boolean> overlapped = Collections.synchronizedList(new ArrayList<>());
            BatchTransform waitsForBatchZero = (features, epoch, batch) -> {
                threads.add(Thread.currentThread().getName());
                if (epoch == 0 && batch == 1) {
                    // inline, this would wait for a batch that only trains after it returns
                    try {
                        overlapped.add(firstTrained.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return features.dup();
            };
            Trainer.builder().epochs(1).batchSize(64).seed(5).batchTransform(waitsForBatchZero).listener(new TrainingListener() {
                @Override
                public void onBatch(BatchEvent event) {
                    if (event.batch() == 0) {
                        firstTrained.countDown();
                    }
                }
            }).build().fit(NeuralNetwork.mlp().hidden(8).build(), data);
            assertThat(overlapped).containsExactly(true);
            assertThat(threads).hasSize(9).doesNotContain(Thread.currentThread().getName());
        }
    }

    @Test
    void whatTheTransformThrowsReachesTheCaller() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            BatchTransform failing = (features, epoch, batch) -> {
                if (batch == 3) {
                    throw new IllegalArgumentException("no image at batch 3");
                }
                return features.dup();
            };
            assertThatThrownBy(() -> Trainer.builder().epochs(1).batchTransform(failing).build().fit(NeuralNetwork.mlp().build(), data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no image at batch 3");
        }
    }

    @Test
    void aTransformDrawingFromNd4jsGeneratorIsRepeatable() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            BatchTransform jitter = (features, epoch, batch) -> features.add(Nd4j.randn(features.dataType(), features.shape()).muli(0.1));
            float[] first = run(data, 1, jitter, null, null);
            assertThat(run(data, 1, jitter, null, null)).containsExactly(first);
            assertThat(first).isNotEqualTo(run(data, 1, null, null, null));
        }
    }

    @Test
    void noTransformThreadOutlivesAFailedRun() throws InterruptedException {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            run(data, 1, noise(new ArrayList<>()), null, 4);
            BatchTransform failing = (features, epoch, batch) -> {
                if (batch == 2) {
                    throw new IllegalArgumentException("broken");
                }
                return features.dup();
            };
            assertThatThrownBy(() -> Trainer.builder().epochs(1).batchTransform(failing).build().fit(NeuralNetwork.mlp().build(), data))
                    .hasMessage("broken");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (transformThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transformThreads()).isZero();
        }
    }

    private static long transformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("bigdata-ai-batch-transform"))
                .count();
    }

    @Test
    void aRowThatFailsToReadStopsTheRunAfterTheSameBatchesWithOrWithoutATransform() {
        Schema schema = Schema.of(Column.of("a", ColumnType.FLOAT64), Column.of("b", ColumnType.FLOAT64),
                Column.categorical("y", ColumnRole.LABEL, List.of("n", "p")));
        Dataset.RowsBuilder rows = Dataset.builder(schema);
        for (int i = 0; i < 200; i++) {
            rows.add(i == 150 ? null : (double) (i % 7), (double) (i % 5), i % 2 == 0 ? "n" : "p");
        }
        try (Dataset data = rows.build()) {
            List<Long> plain = batchesBeforeFailure(data, null);
            List<Long> ahead = batchesBeforeFailure(data, (features, epoch, batch) -> features.dup());
            assertThat(plain).isNotEmpty();
            assertThat(ahead).isEqualTo(plain);
        }
    }

    /** The batches that trained before the null row stopped the run. */
    private static List<Long> batchesBeforeFailure(Dataset data, BatchTransform t) {
        List<Long> trained = new ArrayList<>();
        Trainer.Builder b = Trainer.builder().epochs(1).batchSize(16).seed(3).listener(new TrainingListener() {
            @Override
            public void onBatch(BatchEvent event) {
                trained.add(event.batch());
            }
        });
        if (t != null) {
            b.batchTransform(t);
        }
        assertThatThrownBy(() -> b.build().fit(NeuralNetwork.mlp().hidden(4).build(), data))
                .hasMessageContaining("column 'a' is null in row 150");
        return trained;
    }

    @Test
    void aTransformThatChangesTheShapeIsNamed() {
        try (Dataset data = TrainingFixtures.olivePrepared()) {
            BatchTransform bad = (features, epoch, batch) -> features.getColumns(0, 1);
            assertThatThrownBy(() -> Trainer.builder().epochs(1).batchTransform(bad).build().fit(NeuralNetwork.mlp().build(), data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("turned features of shape [32, 8] into [32, 2] (epoch 0, batch 0)");
        }
    }
}
