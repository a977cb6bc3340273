package ai.bigdata.benchmarks.engine;

import ai.bigdata.core.engine.Engine;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
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
 * The reference CNN of peers.md A3/A4 ({@link ReferenceCnn}, batch 128) on the engine bigdata-ai starts
 * (oneDNN build), with DL4J's oneDNN layer helpers on (bigdata-ai's engine) against off (DL4J's default), in the same JVM and binary.
 * Training time per batch, and inference time per batch of 256.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CnnEngineBenchmark {
    /** "on": bigdata-ai's engine; "off": DL4J's default (helpers disabled). */
    @Param({"on", "off"})
    public String helpers;

    private MultiLayerNetwork net;
    private DataSet batch;
    private INDArray inferenceBatch;

    /** Builds the network with the helpers as asked. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.start();
        Engine.threads(2); // large convolutions gain from 2 threads on this machine (README, "Engine")
        System.setProperty(Engine.HELPERS_DISABLE, helpers.equals("on") ? "false" : "true");
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.rand(128, 1, 28, 28);
        INDArray y = Nd4j.zeros(128, 10);
        for (int i = 0; i < 128; i++) {
            y.putScalar(i, i % 10, 1);
        }
        batch = new DataSet(x, y);
        inferenceBatch = Nd4j.rand(256, 1, 28, 28);
        net = ReferenceCnn.build();
        Object helper = ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) net.getLayer(0)).getHelper();
        if ((helper != null) != helpers.equals("on")) {
            throw new IllegalStateException("helpers=" + helpers + " but the convolution helper is " + helper);
        }
    }

    /** One training step on a batch of 128 images. */
    @Benchmark
    public double trainBatch() {
        net.fit(batch);
        return net.score();
    }

    /** Inference on a batch of 256 images. */
    @Benchmark
    public INDArray inferBatch() {
        return net.output(inferenceBatch, false);
    }
}
