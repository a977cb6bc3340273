package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class TrainerTest {
    @TempDir
    Path dir;

    private static Dataset olive() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read()) {
            return raw.drop("region");
        }
    }

    @Test
    void mlpLearnsOliveAreasWithValidationAndProgress() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<EpochRecord> seen = new ArrayList<>();
        try (Dataset olive = olive();
             Split split = olive.split().train(0.7).validation(0.15).test(0.15).stratifyBy("area").seed(42).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset val = prep.apply(split.validation());
                 Dataset test = prep.apply(split.test())) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(64, 32).build();
                TrainingHistory h = Trainer.builder().epochs(40).batchSize(32).optimizer(Optimizer.adam(3e-3)).seed(7)
                        .listener(new ConsoleProgress(new PrintStream(console, true)))
                        .listener(new TrainingListener() {
                            @Override
                            public void onEpoch(EpochRecord r, int epochs) {
                                seen.add(r);
                            }
                        }).build().fit(model, train, val);
                assertThat(h.epochs()).hasSize(40);
                assertThat(seen).hasSize(40);
                assertThat(h.last().trainLoss()).isLessThan(h.epochs().get(0).trainLoss());
                assertThat(h.last().validation()).containsKeys("loss", "accuracy", "f1_macro", "roc_auc");
                assertThat(h.curves()).containsKeys("train loss", "validation accuracy");
                ClassificationReport report = Evaluator.classification().evaluate(model, test);
                assertThat(report.accuracy()).isGreaterThan(0.85);
                assertThat(report.toString()).contains("North-Apulia", "weighted avg");
                try (Dataset predicted = model.predict(test)) {
                    assertThat(predicted.schema().names()).contains("prediction", "probabilities");
                    long[] agree = {0};
                    predicted.forEachRow(r -> agree[0] += r.getString("prediction").equals(r.getString("area")) ? 1 : 0);
                    assertThat((double) agree[0] / predicted.rowCount()).isEqualTo(report.accuracy());
                }
            }
        }
        assertThat(console.toString()).contains("epoch 40/40", "rows/s", "ETA", "val accuracy");
    }

    @Test
    void sameSeedGivesIdenticalParametersAndResumeIsExact() throws Exception {
        try (Dataset olive = olive()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(olive);
            try (Dataset data = prep.apply(olive)) {
                java.util.function.Supplier<Trainer.Builder> recipe = () -> Trainer.builder().epochs(4).batchSize(50).seed(3)
                        .optimizer(Optimizer.adamW(1e-2, 1e-3).schedule(LearningRateSchedule.cosine(1e-4).withWarmUp(5)));
                NeuralNetwork a = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
                NeuralNetwork b = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
                recipe.get().build().fit(a, data);
                recipe.get().build().fit(b, data);
                assertThat(b.network().params().toFloatVector()).containsExactly(a.network().params().toFloatVector());

                Path ckpt = dir.resolve("ckpt");
                NeuralNetwork crashed = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
                Trainer crashing = recipe.get().checkpoints(Checkpoints.in(ckpt).everyBatches(7).keepLast(2))
                        .listener(new TrainingListener() {
                            @Override
                            public void onBatch(BatchEvent e) {
                                if (e.epoch() == 1 && e.batch() == 9) {
                                    throw new IllegalStateException("simulated crash");
                                }
                            }
                        }).build();
                assertThatThrownBy(() -> crashing.fit(crashed, data)).hasMessage("simulated crash");
                Path latest = Checkpoints.latest(ckpt).orElseThrow();
                try (var s = Files.list(ckpt)) {
                    assertThat(s.count()).isEqualTo(2);
                }
                NeuralNetwork resumed = NeuralNetwork.mlp().hidden(16).dropout(0.2).build();
                TrainingHistory h = recipe.get().build().resume(latest, resumed, data, null);
                assertThat(h.epochs()).hasSize(4);
                assertThat(resumed.network().params().toFloatVector()).containsExactly(a.network().params().toFloatVector());
            }
        }
    }

    @Test
    void twoWorkersTrainDeterministicallyAndLearn() {
        try (Dataset olive = olive();
             Split split = olive.split().train(0.8).test(0.2).stratifyBy("area").seed(5).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset test = prep.apply(split.test())) {
                float[][] params = new float[2][];
                for (int run = 0; run < 2; run++) {
                    NeuralNetwork model = NeuralNetwork.mlp().hidden(32).dropout(0.1).build();
                    TrainingHistory h = Trainer.builder().epochs(30).batchSize(16).workers(2).optimizer(Optimizer.adam(3e-3)).seed(9)
                            .build().fit(model, train);
                    assertThat(h.epochs()).hasSize(30);
                    assertThat(Evaluator.classification().evaluate(model, test).accuracy()).isGreaterThan(0.85);
                    params[run] = model.network().params().toFloatVector();
                }
                assertThat(params[1]).containsExactly(params[0]);
            }
        }
    }

    @Test
    void divergenceNamesEpochAndBatch() {
        try (Dataset olive = olive(); Dataset noArea = olive.drop("area"); Dataset oleic = noArea.withRole("oleic", ColumnRole.LABEL)) {
            NeuralNetwork model = NeuralNetwork.linearRegression().build();
            // unscaled fatty-acid values (up to ~8000) with a large SGD step overflow within a few batches
            Trainer t = Trainer.builder().epochs(3).optimizer(Optimizer.sgd(1.0)).build();
            try (Dataset data = Pipeline.of(Impute.median()).fit(oleic).apply(oleic)) {
                assertThatThrownBy(() -> t.fit(model, data)).isInstanceOf(TrainingDivergedException.class)
                        .hasMessageContaining("epoch 1, batch");
            }
        }
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        try (Dataset olive = olive();
             Split split = olive.split().train(0.8).validation(0.2).stratifyBy("area").seed(1).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset val = prep.apply(split.validation())) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(128, 128).build();
                TrainingHistory h = Trainer.builder().epochs(200).batchSize(16).optimizer(Optimizer.adam(1e-2))
                        .earlyStopping(EarlyStopping.patience(3)).build().fit(model, train, val);
                assertThat(h.stoppedEarly()).isTrue();
                assertThat(h.epochs().size()).isLessThan(200);
                double best = h.epochs().get(h.bestEpoch() - 1).validation().get("loss");
                assertThat(h.epochs().stream().mapToDouble(e -> e.validation().get("loss")).min().orElseThrow()).isEqualTo(best);
                double restored = Evaluator.classification().evaluate(model, val).logLoss();
                assertThat(restored).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }
}
