package ai.bigdata.benchmarks.engine;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much memory a small job takes: the olive data (572 rows) imputed and scaled, an MLP 64-32 trained
 * for 200 epochs and evaluated, then the process's peak resident set ({@code VmHWM}), the JVM heap's
 * limit and commitment and JavaCPP's native limit printed. Run it with the JVM flags to compare (README,
 * "Engine"): {@code java -Xmx64m --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... ai.bigdata.benchmarks.engine.MemoryFootprint}.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /** Entry point; no arguments. */
    public static void main(String[] args) throws IOException {
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
        String peak = "unknown (no /proc/self/status)";
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peak = line.substring("VmHWM:".length()).trim();
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "olive MLP 64-32, 200 epochs: training accuracy %.4f in %.1f s; peak resident set %s;"
                + " heap limit %d MB, committed %d MB; JavaCPP native limit %d MB%n", accuracy, (System.nanoTime() - start) / 1e9, peak,
                rt.maxMemory() >> 20, rt.totalMemory() >> 20, org.bytedeco.javacpp.Pointer.maxBytes() >> 20);
    }
}
