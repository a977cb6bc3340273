package ai.bigdata.benchmarks.engine;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.CrossValidation;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.vision.ConvNets;
import ai.bigdata.vision.FashionMnist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How much memory a small job takes: the olive data (572 rows) imputed and scaled, an MLP 64-32 trained
 * for 200 epochs and evaluated, then the process's peak resident set ({@code VmHWM}), the JVM heap's
 * limit and commitment and JavaCPP's native limit printed. Run it with the JVM flags to compare (README,
 * "Engine"): {@code java -Xmx64m --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... ai.bigdata.benchmarks.engine.MemoryFootprint}.
 * With the argument {@code cv N} it runs instead N times a 5-fold cross-validation of an MLP 64-32 (20
 * epochs, batch 32) on the bundled 569-row breast-cancer data, printing the resident set every few
 * rounds: many short trainings, where memory that only the collector gives back piles up. With
 * {@code predict N} it serves an olive MLP from a bundle through a {@code Predictor}, N single raw rows; with
 * {@code cnn N} it trains LeNet-5 (through DL4J's {@code fit}) N epochs on the embedded Fashion-MNIST sample.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /** Entry point: no arguments, or {@code cv N}, {@code predict N} or {@code cnn N}. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("cv")) {
            crossValidations(Integer.parseInt(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("predict")) {
            predictions(Integer.parseInt(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("cnn")) {
            convolutionEpochs(Integer.parseInt(args[1]));
            return;
        }
        long start = System.nanoTime();
        double[] accuracy = new double[1];
        trainOlive(200, (prep, model, olive, data) -> accuracy[0] = Evaluator.classification().evaluate(model, data).accuracy());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "olive MLP 64-32, 200 epochs: training accuracy %.4f in %.1f s; peak resident set %s;"
                + " heap limit %d MB, committed %d MB; JavaCPP native limit %d MB%n", accuracy[0], (System.nanoTime() - start) / 1e9,
                status("VmHWM"), rt.maxMemory() >> 20, rt.totalMemory() >> 20, org.bytedeco.javacpp.Pointer.maxBytes() >> 20);
    }

    private static void crossValidations(int rounds) throws IOException {
        long start = System.nanoTime();
        Path file = Files.createTempFile("breast-cancer", ".csv");
        try (InputStream in = MemoryFootprint.class.getResourceAsStream("/data/breast_cancer.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Dataset data = Dataset.readCsv(file).label("diagnosis").read()) {
            for (int r = 1; r <= rounds; r++) {
                double accuracy = CrossValidation.of(Scale.standard(), () -> NeuralNetwork.mlp().hidden(64, 32).build(),
                        Trainer.builder().epochs(20).batchSize(32).seed(1).build()).folds(5).stratifyBy("diagnosis").seed(42)
                        .run(data).mean("accuracy");
                if (r % 5 == 0 || r == rounds) {
                    System.out.printf(Locale.ROOT, "round %d: mean accuracy %.4f, resident set %s, %.1f s%n", r, accuracy,
                            status("VmRSS"), (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf(Locale.ROOT, "%d cross-validations: peak resident set %s, heap limit %d MB%n", rounds, status("VmHWM"),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * A network that DL4J's {@code fit} trains (LeNet-5 on the embedded 2,000 Fashion-MNIST images, batch 32),
     * {@code epochs} epochs one {@code fit} at a time, printing the resident set and the native objects ND4J
     * registered per training step.
     */
    private static void convolutionEpochs(int epochs) throws IOException {
        try (Dataset images = FashionMnist.embeddedSample(true)) {
            NeuralNetwork lenet = ConvNets.lenet5().build();
            for (int e = 1; e <= epochs; e++) {
                long before = Nd4j.getDeallocatorService().nextValue();
                Trainer.builder().epochs(1).batchSize(32).seed(e).build().fit(lenet, images);
                double perStep = (Nd4j.getDeallocatorService().nextValue() - before) / Math.ceil(images.rowCount() / 32.0);
                System.out.printf(Locale.ROOT, "LeNet-5 epoch %d: %.0f native objects per step, resident set %s%n", e, perStep,
                        status("VmRSS"));
            }
        }
        System.out.printf(Locale.ROOT, "%d epochs: peak resident set %s%n", epochs, status("VmHWM"));
    }

    /** What is done with the trained olive model. */
    private interface OliveUse {
        void accept(Transform prep, NeuralNetwork model, Dataset olive, Dataset data) throws IOException;
    }

    /**
     * Trains an MLP 64-32 for {@code epochs} epochs (batch 16, seed 1) on olive's rows imputed and scaled, then
     * hands {@code use} the fitted transform, the model, the raw rows (less the region) and the prepared rows.
     */
    private static void trainOlive(int epochs, OliveUse use) throws IOException {
        try (Dataset raw = Dataset.readCsv(BenchData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(olive);
            try (Dataset data = prep.apply(olive)) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(64, 32).build();
                Trainer.builder().epochs(epochs).batchSize(16).seed(1).build().fit(model, data);
                use.accept(prep, model, olive, data);
            }
        }
    }

    /** A served model: an olive MLP 64-32 bundled, loaded by a {@code Predictor}, asked for {@code n} single raw rows. */
    private static void predictions(int n) throws IOException {
        Path bundle = Files.createTempFile("olive", ".bundle");
        try {
            trainOlive(20, (prep, model, olive, data) -> ModelBundle.of(prep, model, olive.schema()).save(bundle));
            Predictor predictor = Predictor.load(bundle);
            Map<String, Object> row = Map.of("palmitic", 10.75, "palmitoleic", 0.75, "stearic", 2.26, "oleic", 78.23,
                    "linoleic", 6.72, "linolenic", 0.36, "arachidic", 0.60, "eicosenoic", 0.29);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                predictor.predict(row);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%d single-row predictions: %.1f us each; resident set %s (peak %s); heap limit %d MB,"
                    + " committed %d MB, used %d MB%n", n, (System.nanoTime() - start) / 1e3 / n, status("VmRSS"), status("VmHWM"),
                    rt.maxMemory() >> 20, rt.totalMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    /** A field of {@code /proc/self/status} ({@code VmHWM}, {@code VmRSS}), or "unknown". */
    private static String status(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
        }
        return "unknown (no /proc/self/status)";
    }
}
