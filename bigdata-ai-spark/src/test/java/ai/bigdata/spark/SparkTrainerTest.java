package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.RegressionReport;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkArrowLeakCheck.class)
class SparkTrainerTest {
    static SparkSession spark;
    /** {@link #olive()} as a cached DataFrame in 2 partitions. */
    static org.apache.spark.sql.Dataset<Row> frame;

    @BeforeAll
    static void data() {
        spark = LocalSpark.session();
        try (Dataset olive = olive()) {
            frame = DataFrames.toDataFrame(spark, olive).cache();
            frame.count();
        }
    }

    @AfterAll
    static void release() {
        if (frame != null) { // null when the class was skipped for want of its data
            frame.unpersist();
        }
    }

    /** Olive (no nulls, region dropped), standardised: 572 rows, 8 features, the area label (3 classes). */
    static Dataset olive() {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset train = raw.drop("region")) {
            return Scale.standard().fit(train).apply(train);
        }
    }

    static Trainer trainer(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(7).build();
    }

    @Test
    void onePartitionAndOneLocalEpochIsExactlyCoresTrainerFit() {
        NeuralNetwork local = NeuralNetwork.mlp().hidden(16).build();
        try (Dataset olive = olive()) {
            trainer(3).fit(local, olive);
        }
        NeuralNetwork distributed = NeuralNetwork.mlp().hidden(16).build();
        List<SparkRound> rounds = SparkTrainer.builder().trainer(trainer(3)).build().fit(distributed, frame.coalesce(1), "area");
        assertThat(rounds).hasSize(3);
        assertThat(rounds.get(0).partitions()).isEqualTo(1);
        assertThat(rounds.get(0).steps()).isEqualTo(18);
        assertThat(distributed.parameters().data().asFloat()).containsExactly(local.parameters().data().asFloat());
        assertThat(distributed.updaterState().data().asFloat()).containsExactly(local.updaterState().data().asFloat());
        assertThat(distributed.iterationCount()).isEqualTo(local.iterationCount());
    }

    /**
     * An autoencoder reconstructs its features: one partition is core's Trainer bit for bit, two learn. A
     * variational autoencoder (DL4J pretrains it with an updater outside the replicas' state) is refused by name.
     */
    @Test
    void autoencodersTrainOnOnePartitionExactlyAsLocally() {
        NeuralNetwork local = NeuralNetwork.autoencoder().encoder(6, 3).build();
        try (Dataset olive = olive()) {
            trainer(3).fit(local, olive);
        }
        NeuralNetwork distributed = NeuralNetwork.autoencoder().encoder(6, 3).build();
        List<SparkRound> rounds = SparkTrainer.builder().trainer(trainer(3)).build().fit(distributed, frame.coalesce(1), "area");
        assertThat(rounds).hasSize(3);
        assertThat(distributed.parameters().data().asFloat()).containsExactly(local.parameters().data().asFloat());
        assertThat(distributed.signature().task()).isEqualTo(ai.bigdata.core.model.Task.RECONSTRUCTION);
        NeuralNetwork two = NeuralNetwork.autoencoder().encoder(6, 3).build();
        List<SparkRound> spread = SparkTrainer.builder().trainer(trainer(6)).build().fit(two, frame, "area");
        assertThat(spread.get(0).partitions()).isEqualTo(2);
        assertThat(spread.get(5).trainLoss()).isLessThan(spread.get(0).trainLoss());
        assertThatThrownBy(() -> SparkTrainer.builder().trainer(trainer(1)).build()
                .fit(NeuralNetwork.variationalAutoencoder().encoder(6).latent(2).build(), frame, "area"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variational autoencoder");
        assertThatThrownBy(() -> SparkTrainer.builder().trainer(trainer(1)).build()
                .fit(ai.bigdata.core.model.Seq2SeqNetwork.attention().sourceVocabulary(5).targetVocabulary(5).build(), frame, "area"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoder-decoders");
    }

    @Test
    void plainSgdWithoutOptimiserStateAndMomentumTrainAndLbfgsIsRefused() {
        for (Optimizer o : List.of(Optimizer.sgd(0.05), Optimizer.momentum(0.05, 0.9))) {
            Trainer t = Trainer.builder().epochs(2).batchSize(32).optimizer(o).seed(7).build();
            NeuralNetwork local = NeuralNetwork.mlp().hidden(8).build();
            try (Dataset olive = olive()) {
                t.fit(local, olive);
            }
            NeuralNetwork one = NeuralNetwork.mlp().hidden(8).build();
            SparkTrainer.builder().trainer(t).build().fit(one, frame.coalesce(1), "area");
            assertThat(one.parameters().data().asFloat()).as(o.toString()).containsExactly(local.parameters().data().asFloat());
            NeuralNetwork two = NeuralNetwork.mlp().hidden(8).build();
            SparkTrainer.builder().trainer(t).build().fit(two, frame, "area");
            assertThat(two.parameters().data().asFloat()).as(o.toString()).doesNotContain(Float.NaN);
        }
        Trainer lbfgs = Trainer.builder().optimizer(Optimizer.lbfgs()).build();
        assertThatThrownBy(() -> SparkTrainer.builder().trainer(lbfgs).build().fit(NeuralNetwork.mlp().build(), frame, "area"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lbfgs");
    }

    @Test
    void twoPartitionsAverageToAGoodModelAndRepeatBitForBit() {
        assertThat(frame.rdd().getNumPartitions()).isEqualTo(2);
        SparkTrainer t = SparkTrainer.builder().trainer(trainer(8)).localEpochs(1).build();
        NeuralNetwork a = NeuralNetwork.mlp().hidden(16).build();
        List<SparkRound> rounds = t.fit(a, frame, "area");
        NeuralNetwork b = NeuralNetwork.mlp().hidden(16).build();
        t.fit(b, frame, "area");
        assertThat(a.parameters().data().asFloat()).containsExactly(b.parameters().data().asFloat());
        assertThat(rounds.get(7).trainLoss()).isLessThan(rounds.get(0).trainLoss());
        assertThat(rounds.get(0).partitions()).isEqualTo(2);
        NeuralNetwork alone = NeuralNetwork.mlp().hidden(16).build();
        try (Dataset olive = olive()) {
            trainer(8).fit(alone, olive);
            double spread = Evaluator.classification().evaluate(a, olive).accuracy();
            double local = Evaluator.classification().evaluate(alone, olive).accuracy();
            System.out.printf("olive, 8 epochs: two partitions %.4f, local %.4f%n", spread, local);
            assertThat(spread).isGreaterThan(0.85);
        }
    }

    @Test
    void localStepsBoundEachPartitionsWorkPerRound() {
        NeuralNetwork n = NeuralNetwork.mlp().hidden(8).build();
        List<SparkRound> rounds = SparkTrainer.builder().trainer(trainer(2)).localSteps(3).build().fit(n, frame, "area");
        assertThat(rounds).extracting(SparkRound::steps).containsExactly(3L, 3L);
        assertThat(n.iterationCount()).isEqualTo(6);
    }

    @Test
    void aRegressorTrainsOnOnePartitionExactlyAsLocallyAndAnEmptyFrameIsRefused() {
        NeuralNetwork local = NeuralNetwork.mlp().hidden(8).build();
        NeuralNetwork distributed = NeuralNetwork.mlp().hidden(8).build();
        try (Dataset olive = olive(); Dataset features = olive.drop("area");
             Dataset reg = features.withRole("oleic", ai.bigdata.core.data.ColumnRole.LABEL)) {
            trainer(2).fit(local, reg);
            var numbers = DataFrames.toDataFrame(spark, reg).coalesce(1);
            SparkTrainer.builder().trainer(trainer(2)).build().fit(distributed, numbers, "oleic");
            assertThat(distributed.signature().task()).isEqualTo(ai.bigdata.core.model.Task.REGRESSION);
            assertThat(distributed.parameters().data().asFloat()).containsExactly(local.parameters().data().asFloat());
            var none = numbers.limit(0);
            assertThatThrownBy(() -> SparkTrainer.builder().trainer(trainer(1)).build().fit(NeuralNetwork.mlp().build(), none, "oleic"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without rows");
        }
    }

    @Test
    void rowsThatDoNotConvertAreTypedErrorsNamingTheColumn() {
        StructType st = DataTypes.createStructType(List.of(DataTypes.createStructField("x", DataTypes.DoubleType, true),
                DataTypes.createStructField("y", DataTypes.StringType, true)));
        var nan = spark.createDataFrame(Arrays.asList(RowFactory.create(1.0, "a"), RowFactory.create(Double.NaN, "b")), st);
        SparkTrainer t = SparkTrainer.builder().trainer(trainer(1)).build();
        assertThatThrownBy(() -> t.fit(NeuralNetwork.mlp().build(), nan, "y")).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("column 'x'").hasMessageContaining("partition")
                .extracting(e -> ((ColumnMismatchException) e).column()).isEqualTo("x");
        var dated = spark.createDataFrame(List.of(RowFactory.create(1.0, java.sql.Date.valueOf("2024-05-01"))),
                DataTypes.createStructType(List.of(DataTypes.createStructField("x", DataTypes.DoubleType, true),
                        DataTypes.createStructField("day", DataTypes.DateType, true))));
        assertThatThrownBy(() -> t.fit(NeuralNetwork.mlp().build(), dated, "x")).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("'day' is date");
        assertThatThrownBy(() -> t.fit(NeuralNetwork.mlp().build(), frame, "nope")).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("no column 'nope'");
    }

    /**
     * Counts and ranks (accuracy, precision, recall, F1, top-k, ROC-AUC, PR-AUC) agree to 1e-12 (measured: exactly).
     * Log loss reads the probabilities' values: the native engine rounds a row's float output differently (by up
     * to 2.1e-7, measured) when a batch's features are a view into an Arrow chunk rather than a copy, which the
     * executor's freshly read partition and the driver's dataset need not share; measured difference 1.6e-9.
     */
    static double tolerance(String metric) {
        return metric.equals("log_loss") ? 1e-8 : 1e-12;
    }

    @Test
    void distributedEvaluationEqualsCoresEvaluator() {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
        ClassificationReport local;
        try (Dataset olive = olive()) {
            trainer(2).fit(model, olive);
            local = Evaluator.classification().evaluate(model, olive);
        }
        // one partition: the same single batch of 572 rows through the network as the local evaluator
        ClassificationReport whole = (ClassificationReport) SparkEvaluator.evaluate(model, frame.coalesce(1), "area");
        assertThat(whole.metrics().keySet()).isEqualTo(local.metrics().keySet());
        local.metrics().forEach((k, v) -> assertThat(whole.metrics().get(k)).as(k).isCloseTo(v, within(tolerance(k))));
        // two partitions: batches of 286 rows, whose float outputs the native engine may round differently
        ClassificationReport spread = (ClassificationReport) SparkEvaluator.evaluate(model, frame, "area");
        assertThat(spread.rows()).isEqualTo(572);
        assertThat(spread.accuracy()).isEqualTo(local.accuracy());
        assertThat(spread.confusionMatrix()).isDeepEqualTo(local.confusionMatrix());
        assertThat(spread.metrics().keySet()).isEqualTo(local.metrics().keySet());
        local.metrics().forEach((k, v) -> assertThat(spread.metrics().get(k)).as(k).isCloseTo(v, within(tolerance(k))));
        // counters only: the same counts, no curves
        ClassificationReport counters = (ClassificationReport) SparkEvaluator.withoutCurves(model, DataFrames.reader(frame).label("area"));
        assertThat(counters.hasCurves()).isFalse();
        assertThat(counters.metrics()).doesNotContainKey("roc_auc");
        assertThat(counters.confusionMatrix()).isDeepEqualTo(local.confusionMatrix());
        // a frame with no rows: a named error
        assertThatThrownBy(() -> SparkEvaluator.evaluate(model, frame.limit(0), "area")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void distributedRegressionEvaluationEqualsCoresEvaluator() {
        try (Dataset olive = olive(); Dataset features = olive.drop("area");
             Dataset reg = features.withRole("oleic", ai.bigdata.core.data.ColumnRole.LABEL)) {
            NeuralNetwork model = NeuralNetwork.mlp().hidden(8).build();
            trainer(2).fit(model, reg);
            RegressionReport local = Evaluator.regression().evaluate(model, reg);
            RegressionReport spread = (RegressionReport) SparkEvaluator.evaluate(model, DataFrames.toDataFrame(spark, reg), "oleic");
            local.metrics().forEach((k, v) -> assertThat(spread.metrics().get(k)).as(k).isCloseTo(v, within(1e-12)));
        }
    }

    @Test
    void aDivergingRoundIsCoresTrainingDivergedException() {
        // unscaled fatty-acid values (up to ~8000) with a large SGD step overflow within a few batches, as in core's TrainerTest
        try (Dataset olive = SparkDataFramesTest.oliveWithNulls(); Dataset raw = olive.drop("region", "area");
             Dataset imputed = ai.bigdata.core.prep.Impute.median().fit(raw).apply(raw)) {
            var frame = DataFrames.toDataFrame(spark, imputed);
            Trainer sgd = Trainer.builder().epochs(3).batchSize(32).optimizer(ai.bigdata.core.train.Optimizer.sgd(1.0)).seed(3).build();
            assertThatThrownBy(() -> SparkTrainer.builder().trainer(sgd).build()
                    .fit(NeuralNetwork.linearRegression().build(), frame, "oleic"))
                    .isInstanceOf(ai.bigdata.core.train.TrainingDivergedException.class).hasMessageContaining("training diverged")
                    .hasMessageContaining("at epoch");
        }
    }
}
