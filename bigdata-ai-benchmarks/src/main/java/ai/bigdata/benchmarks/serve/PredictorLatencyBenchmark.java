package ai.bigdata.benchmarks.serve;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-row prediction latency (JMH sample mode: p50 and p99): our Predictor taking a raw olive row
 * (a map of eight numbers, imputed, scaled and predicted through the bundle's transform and MLP)
 * against DL4J's {@code output()} on one already-scaled row of the same network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PredictorLatencyBenchmark {
    private Predictor predictor;
    private Map<String, Object> row;
    private MultiLayerNetwork net;
    private INDArray scaledRow;

    /** Trains a small olive model, saves and reloads its bundle. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path bundle = Files.createTempFile("olive", ".bundle");
        try (Dataset raw = Dataset.readCsv(BenchData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(olive);
            try (Dataset train = prep.apply(olive)) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(64, 32).build();
                Trainer.builder().epochs(5).build().fit(model, train);
                ModelBundle.of(prep, model, olive.schema()).save(bundle);
                net = model.network();
            }
        }
        predictor = Predictor.load(bundle);
        Files.delete(bundle);
        row = new LinkedHashMap<>();
        String[] names = {"palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic", "eicosenoic"};
        double[] values = {10.75, 0.75, 2.26, 78.23, 6.72, 0.36, 0.60, 0.29};
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        scaledRow = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 8);
    }

    /** One raw row through the Predictor: validation, transform, model, labels with probabilities. */
    @Benchmark
    public Object predictor() {
        return predictor.predict(row);
    }

    /** DL4J's output() on one prepared row of the same network. */
    @Benchmark
    public INDArray dl4jOutput() {
        return net.output(scaledRow);
    }
}
