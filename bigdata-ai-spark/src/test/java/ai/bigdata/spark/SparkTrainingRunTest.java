package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.ConsoleProgress;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core {@link Trainer}'s listeners, validation with early stopping, and checkpoints with resume, applied by
 * {@link SparkTrainer} on the driver round by round (local[2], olive split 80/20 into training and validation
 * frames of 2 partitions each).
 */
@ExtendWith(SparkArrowLeakCheck.class)
class SparkTrainingRunTest {
    static SparkSession spark;
    static org.apache.spark.sql.Dataset<Row> train;
    static org.apache.spark.sql.Dataset<Row> validation;

    @BeforeAll
    static void data() {
        spark = LocalSpark.session();
        try (Dataset olive = SparkTrainerTest.olive(); Split split = olive.split().train(0.8).test(0.2).seed(11).build()) {
            train = DataFrames.toDataFrame(spark, split.train()).repartition(2).cache();
            validation = DataFrames.toDataFrame(spark, split.test()).repartition(2).cache();
            train.count();
            validation.count();
        }
    }

    @AfterAll
    static void release() {
        if (train != null) {
            train.unpersist();
            validation.unpersist();
        }
    }

    static Trainer.Builder settings(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(7);
    }

    /** Records what a listener hears. */
    static final class Recorder implements TrainingListener {
        final List<String> starts = new ArrayList<>();
        final List<EpochRecord> epochs = new ArrayList<>();
        final List<TrainingHistory> ends = new ArrayList<>();

        @Override
        public void onStart(int epoch, int total, long batchesPerEpoch) {
            starts.add(epoch + "/" + total + "/" + batchesPerEpoch);
        }

        @Override
        public void onEpoch(EpochRecord record, int total) {
            epochs.add(record);
        }

        @Override
        public void onEnd(TrainingHistory history) {
            ends.add(history);
        }
    }

    @Test
    void listenersHearOneRecordPerRoundWithTheRoundsLossAndValidationMetrics() {
        Recorder heard = new Recorder();
        SparkTrainer t = SparkTrainer.builder().trainer(settings(3).listener(heard).build()).build();
        NeuralNetwork n = NeuralNetwork.mlp().hidden(8).build();
        SparkTraining run = t.fit(n, train, validation, "area");
        assertThat(run.rounds()).hasSize(3);
        long steps = run.rounds().get(0).steps();
        assertThat(heard.starts).containsExactly("0/3/" + steps);
        assertThat(heard.epochs).hasSize(3);
        for (int i = 0; i < 3; i++) {
            EpochRecord e = heard.epochs.get(i);
            assertThat(e.epoch()).isEqualTo(i + 1);
            assertThat(e.trainLoss()).isEqualTo(run.rounds().get(i).trainLoss());
            assertThat(e.validation()).containsKeys("loss", "accuracy", "log_loss", "f1_macro").doesNotContainKey("roc_auc");
            assertThat(e.validation().get("loss")).isEqualTo(e.validation().get("log_loss"));
            assertThat(e.seconds()).isGreaterThanOrEqualTo(run.rounds().get(i).seconds());
        }
        // the last round's metrics are those of the trained network on the validation frame (counters only)
        var report = SparkEvaluator.withoutCurves(n, DataFrames.reader(validation).label("area"));
        assertThat(heard.epochs.get(2).validation().get("accuracy")).isEqualTo(report.metrics().get("accuracy"));
        assertThat(heard.ends).containsExactly(run.history());
        assertThat(run.history().epochs()).isEqualTo(heard.epochs);
        assertThat(run.history().bestEpoch()).isEqualTo(3);
        assertThat(run.history().stoppedEarly()).isFalse();

        // without validation data: empty metrics, and early stopping is refused before any round
        Recorder plain = new Recorder();
        List<SparkRound> rounds = SparkTrainer.builder().trainer(settings(2).listener(plain).build()).build()
                .fit(NeuralNetwork.mlp().hidden(8).build(), train, "area");
        assertThat(plain.epochs).extracting(EpochRecord::trainLoss).containsExactly(rounds.get(0).trainLoss(), rounds.get(1).trainLoss());
        assertThat(plain.epochs.get(0).validation()).isEmpty();
        SparkTrainer stopping = SparkTrainer.builder().trainer(settings(2).earlyStopping(EarlyStopping.patience(1)).build()).build();
        assertThatThrownBy(() -> stopping.fit(NeuralNetwork.mlp().hidden(8).build(), train, "area"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlyStopping");
    }

    /**
     * Patience 1 on validation accuracy: the run stops at the first round that does not improve on the best,
     * every earlier round improved, and the best round's parameters are what is left (core's Trainer restores
     * the best): bit for bit those of a run of that many rounds without early stopping.
     */
    @Test
    void earlyStoppingStopsAtTheFirstRoundWithoutImprovementAndRestoresTheBest() {
        Trainer t = settings(30).earlyStopping(EarlyStopping.patience(1).monitor("accuracy")).build();
        NeuralNetwork n = NeuralNetwork.mlp().hidden(8).build();
        SparkTraining run = SparkTrainer.builder().trainer(t).build().fit(n, train, validation, "area");
        TrainingHistory h = run.history();
        assertThat(h.stoppedEarly()).isTrue();
        int last = h.epochs().size();
        assertThat(run.rounds()).hasSize(last);
        assertThat(last).isLessThan(30);
        double[] accuracy = h.epochs().stream().mapToDouble(e -> e.validation().get("accuracy")).toArray();
        System.out.println("early stopping, validation accuracy per round: " + java.util.Arrays.toString(accuracy));
        for (int i = 1; i < last - 1; i++) {
            assertThat(accuracy[i]).as("round %d", i + 1).isGreaterThan(accuracy[i - 1]);
        }
        assertThat(accuracy[last - 1]).isLessThanOrEqualTo(accuracy[last - 2]);
        assertThat(h.bestEpoch()).isEqualTo(last - 1);
        NeuralNetwork best = NeuralNetwork.mlp().hidden(8).build();
        SparkTrainer.builder().trainer(settings(last - 1).build()).build().fit(best, train, "area");
        assertThat(n.parameters().data().asFloat()).containsExactly(best.parameters().data().asFloat());
    }

    /** Two rounds with a checkpoint after each, then resumed to four, equal four uninterrupted rounds bit for bit. */
    @Test
    void aResumedRunEqualsTheUninterruptedOneBitForBit(@TempDir Path dir) {
        NeuralNetwork whole = NeuralNetwork.mlp().hidden(8).build();
        SparkTraining uninterrupted = SparkTrainer.builder().trainer(settings(4).build()).build().fit(whole, train, validation, "area");

        SparkTrainer first = SparkTrainer.builder().trainer(settings(2).checkpoints(Checkpoints.in(dir)).build()).build();
        first.fit(NeuralNetwork.mlp().hidden(8).build(), train, validation, "area");
        Path latest = Checkpoints.latest(dir).orElseThrow();
        Recorder heard = new Recorder();
        SparkTrainer rest = SparkTrainer.builder().trainer(settings(4).checkpoints(Checkpoints.in(dir)).listener(heard).build()).build();
        NeuralNetwork resumed = NeuralNetwork.mlp().hidden(8).build();
        SparkTraining after = rest.resume(latest, resumed, train, validation, "area");

        assertThat(after.rounds()).extracting(SparkRound::round).containsExactly(3, 4);
        assertThat(heard.starts).hasSize(1).allMatch(s -> s.startsWith("2/4/"));
        assertThat(resumed.parameters().data().asFloat()).containsExactly(whole.parameters().data().asFloat());
        assertThat(resumed.updaterState().data().asFloat()).containsExactly(whole.updaterState().data().asFloat());
        assertThat(resumed.iterationCount()).isEqualTo(whole.iterationCount());
        assertThat(after.history().epochs()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            EpochRecord a = after.history().epochs().get(i);
            EpochRecord b = uninterrupted.history().epochs().get(i);
            assertThat(a.trainLoss()).as("round %d", i + 1).isEqualTo(b.trainLoss());
            assertThat(a.validation()).as("round %d", i + 1).isEqualTo(b.validation());
        }
        assertThat(Checkpoints.latest(dir).orElseThrow()).isNotEqualTo(latest);
    }

    /**
     * A checkpoint of another model (other feature columns) is a SchemaMismatchException; one written with another
     * partitioning, or by core's Trainer.fit, is refused by name; core's Trainer.resume refuses a Spark checkpoint.
     */
    @Test
    void checkpointsOfAnotherModelOrRunAreTypedErrors(@TempDir Path dir) {
        Path other = dir.resolve("other");
        SparkTrainer.builder().trainer(settings(1).checkpoints(Checkpoints.in(other)).build()).build()
                .fit(NeuralNetwork.mlp().hidden(8).build(), train.drop("eicosenoic"), "area");
        Path otherCheckpoint = Checkpoints.latest(other).orElseThrow();
        SparkTrainer t = SparkTrainer.builder().trainer(settings(2).build()).build();
        assertThatThrownBy(() -> t.resume(otherCheckpoint, NeuralNetwork.mlp().hidden(8).build(), train, null, "area"))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("eicosenoic");
        assertThatThrownBy(() -> t.resume(otherCheckpoint, NeuralNetwork.mlp().hidden(8).build(), train.drop("eicosenoic").coalesce(1),
                null, "area")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition rows");
        assertThatThrownBy(() -> t.resume(otherCheckpoint, NeuralNetwork.autoencoder().encoder(4).build(), train.drop("eicosenoic"),
                null, "area")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoencoder");

        Path local = dir.resolve("local");
        try (Dataset olive = SparkTrainerTest.olive()) {
            settings(1).checkpoints(Checkpoints.in(local)).build().fit(NeuralNetwork.mlp().hidden(8).build(), olive);
            Path localCheckpoint = Checkpoints.latest(local).orElseThrow();
            assertThatThrownBy(() -> t.resume(localCheckpoint, NeuralNetwork.mlp().hidden(8).build(), train, null, "area"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Trainer.fit");
            assertThatThrownBy(() -> settings(2).build().resume(otherCheckpoint, NeuralNetwork.mlp().hidden(8).build(), olive, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SparkTrainer");
        }
    }

    /** The README's block runs as written: early stopping on validation accuracy, checkpoints, a resume of the finished run. */
    @Test
    void theReadmeExampleRunsAsWritten(@TempDir Path folder) throws java.io.IOException {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(256, 128).build();
        org.apache.spark.sql.Dataset<Row> trainFrame = train.withColumnRenamed("area", "label");
        org.apache.spark.sql.Dataset<Row> validationFrame = validation.withColumnRenamed("area", "label");
        // README-SPARK-RUN-BEGIN
        Trainer settings = Trainer.builder().epochs(30).batchSize(64).optimizer(Optimizer.adam(0.001)).seed(3)
                .earlyStopping(EarlyStopping.patience(3).monitor("accuracy")).checkpoints(Checkpoints.in(folder))
                .listener(new ConsoleProgress(System.err)).build();
        SparkTrainer spark = SparkTrainer.builder().trainer(settings).build();
        SparkTraining run = spark.fit(model, trainFrame, validationFrame, "label");   // run.history(): core's TrainingHistory
        // after a crash, in a new driver: the same frames and partitioning, a fresh network of the same kind
        SparkTraining rest = spark.resume(Checkpoints.latest(folder).orElseThrow(), NeuralNetwork.mlp().hidden(256, 128).build(),
                trainFrame, validationFrame, "label");
        // README-SPARK-RUN-END
        assertThat(ReadmeBlocks.readme()).contains(ReadmeBlocks.block("SparkTrainingRunTest.java", "SPARK-RUN"));
        assertThat(run.history().epochs()).hasSize(run.rounds().size());
        // the run was over when its last checkpoint was written: the resume trains no round and ends where it ended
        assertThat(rest.rounds()).isEmpty();
        assertThat(rest.history().epochs()).isEqualTo(run.history().epochs());
        assertThat(rest.history().bestEpoch()).isEqualTo(run.history().bestEpoch());
    }
}
