package ai.bigdata.benchmarks.engine;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.vision.FashionMnist;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference on the library's engine at 1 and at 2 native threads ({@code threads}, set with
 * {@link Engine#threads(int)}; the PyTorch peer runs at the same counts): the peers.md A2 MLP (784-256-128-10, built by {@link NeuralNetwork#mlp()}) on a batch of
 * 256 Fashion-MNIST images, and the reference CNN on one image (latency percentiles). The PyTorch peer
 * runs the same networks in the benchmark runner.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InferenceBenchmark {
    /** Native threads of the engine (the peer runs at the same count). */
    @Param({"1", "2"})
    public int threads;

    private NeuralNetwork mlp;
    private INDArray images;
    private MultiLayerNetwork cnn;
    private INDArray image;

    /** Trains the MLP for one epoch on 1,024 images (to have real weights) and builds the CNN. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.start();
        Engine.threads(threads);
        try (Dataset all = FashionMnist.read(BenchData.file("fashion-mnist"), "train"); Dataset head = all.head(1024);
             Dataset train = head.materialize()) {
            mlp = NeuralNetwork.mlp().hidden(256, 128).build();
            Trainer.builder().epochs(1).batchSize(128).seed(42).build().fit(mlp, train);
            try (BatchIterator it = train.batches().batchSize(256).flat(true).build()) {
                Batch b = it.next().detach();
                images = b.features();
            }
        }
        cnn = ReferenceCnn.build();
        image = images.getRow(0, true).reshape(1, 1, 28, 28).dup();
    }

    /** Applies the thread count on the measuring thread (the engine's threads are per thread). */
    @Setup(Level.Iteration)
    public void applyThreads() {
        Engine.threads(threads);
    }

    /** The MLP's class probabilities for 256 images. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public INDArray mlpInferBatch() {
        return mlp.output(images);
    }

    /** Baseline: DL4J's own {@code output()} on the same MLP and batch. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public INDArray mlpInferBatchDl4j() {
        return mlp.network().output(images, false);
    }

    /** The CNN's class probabilities for one image (sample mode: p50 and p99). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public INDArray cnnSingleImage() {
        return cnn.output(image, false);
    }
}
