package ai.bigdata.benchmarks.eval;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.NeuralNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.learning.config.Adam;
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
 * Evaluation streams: a full classification report (every metric, ROC-AUC and PR-AUC included) over
 * {@code rows} rows of a memory-mapped Arrow file, against the model's own {@code output} over the same
 * rows in the same batches (goal: at most 1.2x its time). Twenty float32 features and a two-class label,
 * generated under {@code target/}; an MLP 20-64-2 with its seeded initial weights (training is not what
 * is measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvaluationBenchmark {
    static final int FEATURES = 20;
    static final int BATCH = 1024;
    static final int CHUNK = 65_536;

    /** Rows in the file. */
    @Param("1000000")
    public int rows;

    private Path file;
    private Dataset data;
    private NeuralNetwork model;
    private String[] features;

    /** Writes the Arrow file (once per size), maps it and builds the model. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        Engine.start();
        List<Column> cols = new ArrayList<>();
        features = new String[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            features[f] = "f" + f;
            cols.add(Column.of(features[f], ColumnType.FLOAT32));
        }
        cols.add(Column.categorical("y", ColumnRole.LABEL, List.of("no", "yes")));
        Schema schema = new Schema(cols);
        Files.createDirectories(Path.of("target"));
        file = Path.of("target", "evaluation-benchmark-" + rows + ".arrow");
        Random rnd = new Random(42);
        List<Dataset> parts = new ArrayList<>();
        try {
            for (int from = 0; from < rows; from += CHUNK) {
                Dataset.RowsBuilder b = Dataset.builder(schema).chunkRows(CHUNK);
                for (int i = from; i < Math.min(rows, from + CHUNK); i++) {
                    Object[] row = new Object[FEATURES + 1];
                    double sum = 0;
                    for (int f = 0; f < FEATURES; f++) {
                        float v = (float) rnd.nextGaussian();
                        row[f] = v;
                        sum += v;
                    }
                    row[FEATURES] = sum + rnd.nextGaussian() > 0 ? "yes" : "no";
                    b.add(row);
                }
                parts.add(b.build());
            }
            try (Dataset all = parts.get(0).concat(parts.subList(1, parts.size()).toArray(Dataset[]::new))) {
                all.writeArrow(file);
            }
        } finally {
            parts.forEach(Dataset::close);
        }
        data = Dataset.readArrow(file);
        model = NeuralNetwork.mlp().hidden(64).build();
        model.initialise(ModelSignature.supervised(data.schema()), new NetworkSettings(42, new Adam(1e-3), 0, 0, null));
        System.gc();
    }

    /** Unmaps the file and deletes it. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        data.close();
        Files.deleteIfExists(file);
    }

    /** bigdata-ai: the whole classification report of the model on the mapped file. */
    @Benchmark
    public double evaluate() {
        return Evaluator.classification().batchSize(BATCH).evaluate(model, data).metrics().get("roc_auc");
    }

    /** Baseline: {@code Model.output} over the same rows of the mapped file, in the same batches. */
    @Benchmark
    public long modelOutput() {
        long n = 0;
        try (BatchIterator it = data.batches().features(features).batchSize(BATCH).build()) {
            while (it.hasNext()) {
                n += model.output(it.next().features()).size(0);
            }
        }
        return n;
    }
}
