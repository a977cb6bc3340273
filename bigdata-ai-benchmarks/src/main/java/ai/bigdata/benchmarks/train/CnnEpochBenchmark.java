package ai.bigdata.benchmarks.train;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.benchmarks.engine.ReferenceCnn;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.vision.Augmentation;
import ai.bigdata.vision.AugmentationPipeline;
import ai.bigdata.vision.FashionMnist;
import ai.bigdata.vision.IdxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
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
 * One training epoch of the reference CNN (peers.md A3, {@link ReferenceCnn}; Adam 1e-3, batch 128) over
 * the first {@code rows} Fashion-MNIST training images, 2 native threads: our Trainer reading the Arrow
 * dataset (shuffled batches, bookkeeping, the fused Adam), the same with seeded augmentation (random
 * crop with padding 2, horizontal flip) on the trainer's background thread, and DL4J's own
 * {@code MultiLayerNetwork.fit} over the same layers and the same batches prepared in memory, with DL4J's
 * stock Adam updater (the Trainer's side uses the library's fused Adam: the same update rule). The PyTorch peer ({@code torch_peer.py}, "epoch_ms") trains the same network for an epoch over
 * the same images (a new random order each epoch, in-memory tensors) at the same thread count. An epoch
 * takes seconds: single-shot mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CnnEpochBenchmark {
    /** Training images per epoch (the peer uses the same count; the smoke run passes fewer). */
    @Param({"6400"})
    public int rows;

    /** Native threads of the engine (the peer runs at 2). */
    private static final int THREADS = 2;

    private Dataset train;
    private NeuralNetwork model;
    private Trainer trainer;
    private NeuralNetwork augmentedModel;
    private Trainer augmentedTrainer;
    private MultiLayerNetwork bare;
    private List<DataSet> batches;

    /** Loads the images, builds the networks (one warm-up epoch each) and prepares DL4J's batches. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.start();
        Engine.threads(THREADS);
        Path dir = BenchData.file("fashion-mnist");
        try (Dataset head = IdxReader.files(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"))
                .classNames(FashionMnist.CLASS_NAMES).channelAxis().limit(rows).read()) {
            train = head.materialize();
        }
        Trainer.Builder plain = Trainer.builder().epochs(1).batchSize(128).optimizer(Optimizer.adam(1e-3)).seed(42);
        model = NeuralNetwork.of("reference CNN (peers.md A3)", (sig, settings) -> ReferenceCnn.configuration(settings.seed(),
                settings.updater()));
        trainer = plain.build();
        trainer.fit(model, train);
        AugmentationPipeline augment = AugmentationPipeline.builder().seed(42)
                .add(Augmentation.randomCrop(28, 28, 2)).add(Augmentation.horizontalFlip(0.5)).build();
        augmentedModel = NeuralNetwork.of("reference CNN (peers.md A3)", (sig, settings) -> ReferenceCnn.configuration(settings.seed(),
                settings.updater()));
        augmentedTrainer = plain.batchTransform(augment::apply).build();
        augmentedTrainer.fit(augmentedModel, train);
        bare = new MultiLayerNetwork(ReferenceCnn.configuration(42, new org.nd4j.linalg.learning.config.Adam(1e-3)));
        bare.init();
        batches = Dl4jBatches.of(train, 128, false);
    }

    /** Applies the thread count on the measuring thread (the engine's threads are per thread). */
    @Setup(Level.Iteration)
    public void applyThreads() {
        Engine.threads(THREADS);
    }

    /** Frees the data. */
    @TearDown(Level.Trial)
    public void tearDown() {
        train.close();
    }

    /** One epoch through our Trainer. */
    @Benchmark
    public double trainerEpoch() {
        return trainer.fit(model, train).last().trainLoss();
    }

    /** One epoch through our Trainer with augmentation on its background thread. */
    @Benchmark
    public double trainerEpochAugmented() {
        return augmentedTrainer.fit(augmentedModel, train).last().trainLoss();
    }

    /** One epoch of DL4J's own fit over prepared batches of the same network. */
    @Benchmark
    public double bareDl4jEpoch() {
        for (DataSet ds : batches) {
            bare.fit(ds);
        }
        return bare.score();
    }
}
