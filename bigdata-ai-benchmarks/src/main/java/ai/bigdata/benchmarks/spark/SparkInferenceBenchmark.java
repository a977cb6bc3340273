package ai.bigdata.benchmarks.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.spark.DataFrames;
import ai.bigdata.spark.SparkPredictor;
import ai.bigdata.vision.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Batch inference on Spark against the local {@code Predictor}, on the same rows and the same bundle: the
 * 2,000 Fashion-MNIST images that ship with the vision module, repeated to {@code rows} rows, an MLP
 * 784-256-128-10 trained for one epoch, saved as a bundle. {@code sparkPredictor}: {@link SparkPredictor}
 * over a cached DataFrame in {@code local[2]} (two partitions, one engine thread each; the bundle
 * broadcast once, one {@code Predictor} per partition, batches of 256 rows), every prediction computed
 * (the rows are counted). {@code localPredictor}: {@code Predictor.predict(Dataset)} over the same rows
 * in this JVM with two engine threads, every prediction read. Equal cores on both sides; what Spark
 * costs (row conversion, scheduling) on one machine, not what a cluster gains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparkInferenceBenchmark {
    /** Rows predicted (the embedded 2,000 images, repeated). */
    @Param("20000")
    public int rows;

    private Dataset data;
    private SparkSession spark;
    private org.apache.spark.sql.Dataset<Row> frame;
    private SparkPredictor sparkPredictor;
    private Predictor predictor;
    private Path bundle;

    /** Trains and saves the bundle, starts Spark and caches the rows as a DataFrame. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        Engine.start();
        try (Dataset sample = FashionMnist.embeddedSample(); Dataset materialized = sample.materialize()) {
            Dataset[] copies = new Dataset[(int) Math.max(0, (rows + materialized.rowCount() - 1) / materialized.rowCount() - 1)];
            Arrays.fill(copies, materialized);
            try (Dataset all = materialized.concat(copies); Dataset cut = all.head(rows)) {
                data = cut.materialize();
            }
            NeuralNetwork model = NeuralNetwork.mlp().hidden(256, 128).build();
            Trainer.builder().epochs(1).batchSize(64).optimizer(Optimizer.adam(1e-3)).seed(1).build().fit(model, materialized);
            Files.createDirectories(Path.of("target"));
            bundle = Path.of("target", "spark-inference-benchmark.bundle");
            ModelBundle.of(Preprocessor.identity().fit(materialized), model, materialized.schema()).save(bundle);
        }
        spark = SparkSession.builder().master("local[2]").appName("bigdata-ai-benchmark").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        frame = DataFrames.toDataFrame(spark, data).repartition(2).cache();
        frame.count();
        sparkPredictor = SparkPredictor.load(spark, bundle).batchRows(256);
        predictor = Predictor.load(bundle);
    }

    /** Stops Spark and frees the rows. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sparkPredictor.close();
        frame.unpersist();
        spark.stop();
        data.close();
        Files.deleteIfExists(bundle);
    }

    /** bigdata-ai on Spark: every row of the DataFrame predicted by the broadcast bundle. */
    @Benchmark
    public long sparkPredictor() {
        Engine.threads(1); // per task: two tasks at once on the two cores
        return sparkPredictor.predict(frame).count();
    }

    /** Baseline: the local Predictor over the same rows. */
    @Benchmark
    public long localPredictor() {
        Engine.threads(2);
        long[] n = {0};
        try (Dataset predicted = predictor.predict(data)) {
            predicted.forEachRow(r -> n[0] += r.isNull("prediction") ? 0 : 1);
        }
        return n[0];
    }
}
