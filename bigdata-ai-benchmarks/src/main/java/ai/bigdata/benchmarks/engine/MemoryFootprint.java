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
import ai.bigdata.core.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * How much memory a small job takes: the olive data (572 rows) imputed and scaled, an MLP 64-32 trained
 * for 200 epochs and evaluated, then the process's peak resident set ({@code VmHWM}), the JVM heap's
 * limit and commitment and JavaCPP's native limit printed. Run it with the JVM flags to compare (README,
 * "Engine"): {@code java -Xmx64m --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... ai.bigdata.benchmarks.engine.MemoryFootprint}.
 * With the argument {@code cv N} it runs instead N times a 5-fold cross-validation of an MLP 64-32 (20
 * epochs, batch 32) on the bundled 569-row breast-cancer data, printing the resident set every few
 * rounds: many short trainings, where memory that only the collector gives back piles up.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /** Entry point; no arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("cv")) {
            crossValidations(Integer.parseInt(args[1]));
            return;
        }
        long start = System.nanoTime();
        double accuracy;
        try (Dataset raw = Dataset.readCsv(BenchData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(olive);
            try (Dataset data = prep.apply(olive)) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(64, 32).build();
                Trainer.builder().epochs(200).batchSize(16).seed(1).build().fit(model, data);
                accuracy = Evaluator.classification().evaluate(model, data).accuracy();
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "olive MLP 64-32, 200 epochs: training accuracy %.4f in %.1f s; peak resident set %s;"
                + " heap limit %d MB, committed %d MB; JavaCPP native limit %d MB%n", accuracy, (System.nanoTime() - start) / 1e9,
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
