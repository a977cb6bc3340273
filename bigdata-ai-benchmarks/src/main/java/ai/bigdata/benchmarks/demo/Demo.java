package ai.bigdata.benchmarks.demo;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Dl4jDataSetIterator;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.vision.FashionMnist;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The end-to-end demo: read Fashion-MNIST (the embedded 2,000-image sample, or the full data set from
 * a folder), clean, summarise, split stratified, write and re-open as a memory-mapped Arrow file, and
 * train a softmax classifier through the Arrow to ND4J bridge.
 *
 * <p>Usage: {@code Demo [--fashion-mnist DIR] [--epochs N]}.
 */
public final class Demo {
    private Demo() {
    }

    /** Runs the demo; prints to standard output. */
    public static void main(String[] args) throws IOException {
        Path dir = null;
        int epochs = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fashion-mnist": dir = Path.of(args[++i]); break;
                case "--epochs": epochs = Integer.parseInt(args[++i]); break;
                default: throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: Demo [--fashion-mnist DIR] [--epochs N]");
            }
        }
        run(dir, epochs, System.out);
    }

    /** The demo itself, writing to {@code out}; returns the test accuracy. */
    public static double run(Path fashionMnistDir, int epochs, PrintStream out) throws IOException {
        out.println("== 0. Engine: " + Engine.start());
        Path work = Files.createTempDirectory("bigdata-ai-demo");
        try (Dataset raw = fashionMnistDir == null ? FashionMnist.embeddedSample() : FashionMnist.read(fashionMnistDir, "train")) {
            out.println("== 1. Read: " + (fashionMnistDir == null ? "embedded Fashion-MNIST sample (2,000 test images, MIT)"
                    : "Fashion-MNIST train set from " + fashionMnistDir));
            out.println(raw.preview(3));

            out.println("== 2. Clean: drop blank images (every pixel 0), which carry no information");
            try (Dataset clean = raw.filter(r -> !isBlank((float[]) r.get("image")))) {
                out.printf(Locale.ROOT, "kept %d of %d rows, dropped %d blank images%n%n", clean.rowCount(), raw.rowCount(),
                        raw.rowCount() - clean.rowCount());

                out.println("== 3. Summarise");
                Map<String, Integer> perClass = new TreeMap<>();
                clean.forEachRow(r -> perClass.merge(r.getString("label"), 1, Integer::sum));
                out.println("rows per class: " + perClass);
                out.println(clean.summary());
                out.println();

                out.println("== 4. Split 70/15/15, stratified by label, seed 42");
                try (Split split = clean.split().train(0.7).validation(0.15).test(0.15).stratifyBy("label").seed(42).build()) {
                    out.println(split);
                    Path trainFile = work.resolve("train.arrow");
                    split.train().writeArrow(trainFile);
                    out.printf(Locale.ROOT, "train part written as Arrow IPC: %s (%,d bytes)%n%n", trainFile, Files.size(trainFile));

                    out.println("== 5. Train a softmax classifier on the memory-mapped train file, " + epochs + " epochs");
                    try (Dataset train = Dataset.readArrow(trainFile)) {
                        MultiLayerNetwork net = softmax(784, 10);
                        try (Dl4jDataSetIterator it = new Dl4jDataSetIterator(
                                train.batches().features("image").flat(true).batchSize(64).shuffle(42).build(), 4)) {
                            for (int e = 1; e <= epochs; e++) {
                                net.fit(it);
                                it.reset();
                                if (e == 1 || e == epochs || e % 5 == 0) {
                                    out.printf(Locale.ROOT, "epoch %d: training loss %.4f%n", e, net.score());
                                }
                            }
                        }
                        double validation = accuracy(net, split.validation());
                        double test = accuracy(net, split.test());
                        out.printf(Locale.ROOT, "%n== 6. Evaluate: validation accuracy %.4f, test accuracy %.4f%n", validation, test);
                        return test;
                    }
                }
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
        }
    }

    private static boolean isBlank(float[] pixels) {
        for (float p : pixels) {
            if (p != 0f) {
                return false;
            }
        }
        return true;
    }

    private static MultiLayerNetwork softmax(int inputs, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(1e-3)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double accuracy(MultiLayerNetwork net, Dataset part) {
        try (Dl4jDataSetIterator it = new Dl4jDataSetIterator(part.batches().features("image").flat(true).batchSize(256).build(), 2)) {
            Evaluation eval = net.evaluate(it);
            return eval.accuracy();
        }
    }
}
