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
 * Single-row prediction latency (JMH sample mode: p50 and p99). Our Predictor takes a raw olive row (a
 * map of eight numbers, validated, imputed, scaled and predicted through the bundle's transform and
 * MLP); for a row this small it runs the network in plain Java, not through ND4J. Two baselines:
 * <ul>
 *   <li>{@code plainForward}: the same computation without the Predictor, a plain-Java forward pass of
 *       the same weights on an already-scaled row (so the ratio is the Predictor's own overhead);</li>
 *   <li>{@code dl4jOutput}: DL4J's {@code output()} on one already-scaled row (a native call), which is
 *       what a user of DL4J alone would call.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PredictorLatencyBenchmark {
    private Predictor predictor;
    private Map<String, Object> row;
    private MultiLayerNetwork net;
    private INDArray scaledRow;
    private float[][][] weights;
    private float[][] biases;
    private float[] scaled;

    /** Trains a small olive model, saves and reloads its bundle, and copies its weights for the plain pass. */
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
        scaled = scaledRow.toFloatVector();
        int layers = net.getnLayers();
        weights = new float[layers][][];
        biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = net.getLayer(l).getParam("W").toFloatMatrix();
            biases[l] = net.getLayer(l).getParam("b").toFloatVector();
        }
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

    /** The same network in plain Java on one prepared row: ReLU hidden layers, softmax output. */
    @Benchmark
    public float[] plainForward() {
        float[] x = scaled;
        for (int l = 0; l < weights.length; l++) {
            float[][] w = weights[l];
            float[] y = biases[l].clone();
            for (int i = 0; i < x.length; i++) {
                float xi = x[i];
                float[] wi = w[i];
                for (int j = 0; j < y.length; j++) {
                    y[j] += xi * wi[j];
                }
            }
            if (l < weights.length - 1) {
                for (int j = 0; j < y.length; j++) {
                    y[j] = Math.max(0f, y[j]);
                }
            } else {
                softmax(y);
            }
            x = y;
        }
        return x;
    }

    private static void softmax(float[] y) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : y) {
            max = Math.max(max, v);
        }
        float sum = 0;
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) Math.exp(y[j] - max);
            sum += y[j];
        }
        for (int j = 0; j < y.length; j++) {
            y[j] /= sum;
        }
    }
}
