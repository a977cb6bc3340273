package ai.bigdata.benchmarks.train;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.eval.CrossValidation;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Small data, the scikit-learn way: logistic regression on the 569 x 30 breast-cancer data set (bundled,
 * {@code data/breast_cancer.csv}), 5-fold stratified cross-validation, standard scaling fitted on each
 * training part, full-batch L-BFGS with scikit-learn's C = 1 (l2 = 1 / 455, the rows of a training
 * part). The peer {@code sklearn_logreg_cv.py} runs the same protocol on the same file
 * ({@code StandardScaler} + {@code LogisticRegression()} under {@code cross_val_score}); both at 1 and
 * at 2 threads. Both sides are timed warm, like for like: the peer runs once to warm up and averages 20
 * runs, so this is an average over the runner's timed iterations after its warm-up iterations (a
 * single-shot mode would time the JIT compiler's first passes instead; README gives the first, cold
 * cross-validation of a fresh JVM separately).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SmallDataBenchmark {
    /** Native threads of the engine (the peer runs at the same count). */
    @Param({"1", "2"})
    public int threads;

    private Path file;
    private Dataset data;

    /** Copies the bundled CSV under target/ and reads it. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        Engine.start();
        Engine.threads(threads);
        Files.createDirectories(Path.of("target"));
        file = Files.createTempFile(Path.of("target"), "breast-cancer", ".csv");
        try (InputStream in = SmallDataBenchmark.class.getResourceAsStream("/data/breast_cancer.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        data = Dataset.readCsv(file).label("diagnosis").read();
    }

    /** Frees the data and deletes the copy. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        data.close();
        Files.deleteIfExists(file);
    }

    /** bigdata-ai: the whole 5-fold cross-validation; returns the mean accuracy. */
    @Benchmark
    public double crossValidation() {
        Engine.useOnThisThread(threads);
        return CrossValidation.of(Scale.standard(), () -> NeuralNetwork.logisticRegression().l2(1.0 / 455).build(),
                        Trainer.builder().optimizer(Optimizer.lbfgs()).build())
                .folds(5).stratifyBy("diagnosis").seed(42).run(data).mean("accuracy");
    }
}
