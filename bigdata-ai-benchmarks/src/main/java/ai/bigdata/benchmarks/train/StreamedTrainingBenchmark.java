package ai.bigdata.benchmarks.train;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * One training epoch streamed from a memory-mapped Arrow file through a lazy filter and a fitted
 * standard scaling, against the same epoch over the same rows already filtered, scaled and held in
 * memory. Both run the same network, trainer and batch size; the streamed side pays for mapping,
 * filtering, scaling and packing every chunk once per epoch. The data are generated (20 float64
 * features, 3 classes), so the benchmark runs from any clone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamedTrainingBenchmark {
    private static final int FEATURES = 20;
    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** Rows in the file (the smoke run passes fewer). */
    @Param({"100000"})
    public int rows;

    private Path dir;
    private Dataset file;
    private Dataset kept;
    private Dataset streamed;
    private Dataset inMemory;
    private NeuralNetwork streamedModel;
    private NeuralNetwork memoryModel;
    private Trainer trainer;

    /** Writes the file, opens it mapped, and builds the streamed pipeline and its in-memory twin. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("streamed-training");
        Path f = dir.resolve("rows.arrow");
        List<Column> cols = new ArrayList<>();
        for (int k = 0; k < FEATURES; k++) {
            cols.add(Column.of("f" + k, ColumnType.FLOAT64));
        }
        cols.add(Column.categorical("y", ColumnRole.LABEL, CLASSES));
        Random rnd = new Random(7);
        Dataset.RowsBuilder b = Dataset.builder(new Schema(cols)).chunkRows(16_384);
        Object[] row = new Object[FEATURES + 1];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = 0; k < FEATURES; k++) {
                double v = 10 * k + rnd.nextGaussian() * (k + 1);
                row[k] = v;
                sum += (v - 10 * k) / (k + 1);
            }
            row[FEATURES] = CLASSES.get(sum < -1 ? 0 : sum < 1 ? 1 : 2);
            b.add(row);
        }
        try (Dataset d = b.build()) {
            d.writeArrow(f);
        }
        file = Dataset.readArrow(f);
        // keeps about 84% of the rows: f0 > -1 standard deviation
        kept = file.filter(r -> r.getDouble("f0") > -1);
        Transform scale = Scale.standard().fit(kept);
        streamed = scale.apply(kept);
        try (Dataset scaled = scale.apply(kept)) {
            inMemory = scaled.materialize();
        }
        streamedModel = NeuralNetwork.mlp().hidden(64, 32).build();
        memoryModel = NeuralNetwork.mlp().hidden(64, 32).build();
        trainer = Trainer.builder().epochs(1).batchSize(128).optimizer(Optimizer.adam(1e-3)).seed(42).build();
        trainer.fit(streamedModel, streamed);
        trainer.fit(memoryModel, inMemory);
    }

    /** Frees the datasets and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        inMemory.close();
        streamed.close();
        kept.close();
        file.close();
        try (var files = Files.list(dir)) {
            files.forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    /** One epoch from the memory-mapped file, filtered and scaled chunk by chunk while training. */
    @Benchmark
    public double streamedEpoch() {
        return trainer.fit(streamedModel, streamed).last().trainLoss();
    }

    /** One epoch over the same filtered, scaled rows held in memory. */
    @Benchmark
    public double inMemoryEpoch() {
        return trainer.fit(memoryModel, inMemory).last().trainLoss();
    }
}
