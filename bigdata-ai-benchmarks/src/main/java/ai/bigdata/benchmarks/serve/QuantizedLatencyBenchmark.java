package ai.bigdata.benchmarks.serve;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.Quantization;
import ai.bigdata.core.model.QuantizedNetwork;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.vision.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-image latency (JMH sample mode: p50 and p99) of the same Fashion-MNIST MLP 784-256-128-10
 * served by the {@code Predictor} from its float bundle ({@code floatPredictor}: the plain-Java float
 * small-row path) and from its int8 bundle ({@code int8Predictor}: int8 weights, int32 accumulation),
 * on the same image, one thread each. The network is trained for one epoch on the 2,000 images that
 * ship with the vision module, so no shared data set is needed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QuantizedLatencyBenchmark {
    private Predictor floats;
    private Predictor int8;
    private Map<String, Object> image;

    /** Trains the MLP, quantises it (calibrated on 500 images), saves and reloads both bundles. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path floatBundle = Files.createTempFile("fashion-float", ".bundle");
        Path int8Bundle = Files.createTempFile("fashion-int8", ".bundle");
        try (Dataset sample = FashionMnist.embeddedSample(); Dataset train = sample.materialize()) {
            Transform prep = Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)).fit(train);
            NeuralNetwork model = NeuralNetwork.mlp().hidden(256, 128).build();
            Trainer.builder().epochs(1).batchSize(64).seed(1).build().fit(model, train);
            QuantizedNetwork q = Quantization.int8().calibrateOn(train, 500).quantize(model);
            ModelBundle.of(prep, model, train.schema()).save(floatBundle);
            ModelBundle.of(prep, q, train.schema()).save(int8Bundle);
            try (BatchIterator it = train.batches().features("image").batchSize(1).build()) {
                image = Map.of("image", it.next().features().dup().reshape(784).toFloatVector());
            }
        }
        floats = Predictor.load(floatBundle, 1);
        int8 = Predictor.load(int8Bundle, 1);
        Files.delete(floatBundle);
        Files.delete(int8Bundle);
    }

    /** The float bundle's Predictor on one image. */
    @Benchmark
    public Prediction floatPredictor() {
        return floats.predict(image);
    }

    /** The int8 bundle's Predictor on the same image. */
    @Benchmark
    public Prediction int8Predictor() {
        return int8.predict(image);
    }
}
