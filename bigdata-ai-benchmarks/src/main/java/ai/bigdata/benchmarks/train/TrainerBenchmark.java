package ai.bigdata.benchmarks.train;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.vision.FashionMnist;
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
 * One training epoch of the peers.md A2 network (MLP 784-256-128-10, ReLU, softmax, Adam 1e-3, batch
 * 128) on Fashion-MNIST flat pixels: our Trainer reading the Arrow dataset against DL4J's own
 * {@code MultiLayerNetwork.fit} over the same network configuration and the same batches, already
 * prepared in memory. The Python peer (scikit-learn's MLPClassifier, same network) runs in the
 * benchmark runner at the same thread counts: {@code threads} native threads on our side (set with
 * {@link Engine#threads(int)}, which the Trainer applies on its own thread), the same number of
 * OpenMP / BLAS threads on the peer's. An epoch takes seconds: single-shot mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainerBenchmark {
    /** Training images used (60000 = the full train set; the smoke run passes fewer). */
    @Param({"60000"})
    public int rows;

    /** Native threads of the engine (the peer runs at the same count). */
    @Param({"1", "2"})
    public int threads;

    private Dataset train;
    private NeuralNetwork model;
    private Trainer trainer;
    private NeuralNetwork parallelModel;
    private Trainer parallelTrainer;
    private MultiLayerNetwork bare;
    private MultiLayerNetwork bareStockAdam;
    private List<DataSet> batches;

    /** Loads the data, builds both networks and prepares the bare engine's batches. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.threads(threads);
        try (Dataset all = FashionMnist.read(BenchData.file("fashion-mnist"), "train"); Dataset head = all.head(rows)) {
            train = head.materialize();
        }
        model = NeuralNetwork.mlp().hidden(256, 128).build();
        trainer = Trainer.builder().epochs(1).batchSize(128).optimizer(Optimizer.adam(1e-3)).seed(42).build();
        trainer.fit(model, train);
        parallelModel = NeuralNetwork.mlp().hidden(256, 128).build();
        parallelTrainer = Trainer.builder().epochs(1).batchSize(128).optimizer(Optimizer.adam(1e-3)).seed(42).workers(2).build();
        parallelTrainer.fit(parallelModel, train);
        bare = new MultiLayerNetwork(model.network().getLayerWiseConfigurations().clone());
        bare.init();
        org.deeplearning4j.nn.conf.MultiLayerConfiguration stock = model.network().getLayerWiseConfigurations().clone();
        for (int i = 0; i < stock.getConfs().size(); i++) {
            ((org.deeplearning4j.nn.conf.layers.BaseLayer) stock.getConf(i).getLayer())
                    .setIUpdater(new org.nd4j.linalg.learning.config.Adam(1e-3));
        }
        bareStockAdam = new MultiLayerNetwork(stock);
        bareStockAdam.init();
        batches = Dl4jBatches.of(train, 128, true);
    }

    /** Applies the thread count on the measuring thread (the engine's threads are per thread). */
    @Setup(Level.Iteration)
    public void applyThreads() {
        Engine.threads(threads);
    }

    /** Frees the data. */
    @TearDown(Level.Trial)
    public void tearDown() {
        train.close();
    }

    /** One epoch through our Trainer (batch assembly from Arrow, listeners, bookkeeping included). */
    @Benchmark
    public double trainerEpoch() {
        return trainer.fit(model, train).last().trainLoss();
    }

    /** One epoch through our Trainer with two data-parallel workers (replicas averaged every step). */
    @Benchmark
    public double trainerEpochTwoWorkers() {
        return parallelTrainer.fit(parallelModel, train).last().trainLoss();
    }

    /** One epoch of DL4J's own fit over prepared batches of the same network with DL4J's stock Adam updater. */
    @Benchmark
    public double bareDl4jEpochStockAdam() {
        for (DataSet ds : batches) {
            bareStockAdam.fit(ds);
        }
        return bareStockAdam.score();
    }

    /** One epoch of DL4J's own fit over prepared batches of the same network (and the same updater). */
    @Benchmark
    public double bareDl4jEpoch() {
        for (DataSet ds : batches) {
            bare.fit(ds);
        }
        return bare.score();
    }
}
