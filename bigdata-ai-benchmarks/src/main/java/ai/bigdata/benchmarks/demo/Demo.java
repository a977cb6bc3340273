package ai.bigdata.benchmarks.demo;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.HtmlReport;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Assemble;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.ConsoleProgress;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.vision.FashionMnist;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-to-end demo: read Fashion-MNIST (the embedded 2,000-image sample, or the full data set from
 * a folder), clean, summarise, split stratified, fit a transform, write and re-open the train part as a
 * memory-mapped Arrow file, train an MLP with early stopping and a progress bar, evaluate it (text and
 * HTML report), save a model bundle, reload it and predict raw rows.
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

                    out.println("== 5. Prepare: assemble the pixels into one float32 feature vector (fitted on train)");
                    Transform prep = Pipeline.of(Assemble.into("pixels")).fit(split.train());
                    try (Dataset prepared = prep.apply(split.train())) {
                        prepared.writeArrow(trainFile);
                    }
                    out.printf(Locale.ROOT, "train part written as Arrow IPC: %s (%,d bytes)%n%n", trainFile, Files.size(trainFile));

                    out.println("== 6. Train an MLP (128 hidden units) on the memory-mapped train file, " + epochs + " epochs");
                    try (Dataset train = Dataset.readArrow(trainFile); Dataset validation = prep.apply(split.validation());
                         Dataset test = prep.apply(split.test())) {
                        NeuralNetwork model = NeuralNetwork.mlp().hidden(128).dropout(0.1).build();
                        Trainer trainer = Trainer.builder().epochs(epochs).batchSize(64).optimizer(Optimizer.adam(1e-3)).seed(42)
                                .earlyStopping(EarlyStopping.patience(3).monitor("accuracy")).listener(new ConsoleProgress(out)).build();
                        TrainingHistory history = trainer.fit(model, train, validation);
                        out.println(model);

                        ClassificationReport report = Evaluator.classification().evaluate(model, test);
                        Path html = Path.of("target", "demo-report.html").toAbsolutePath();
                        Files.createDirectories(html.getParent());
                        Files.writeString(html, HtmlReport.classification(report, history.curves()));
                        out.printf(Locale.ROOT, "%n== 7. Evaluate on the test part (%d images); HTML report with charts: %s%n%s%n",
                                report.rows(), html, report);

                        Path bundleFile = work.resolve("fashion.bundle");
                        ModelBundle.of(prep, model, split.train().schema()).metrics("test", report)
                                .provenance(split.train(), trainer, 42).save(bundleFile);
                        Predictor predictor = Predictor.load(bundleFile);
                        out.printf(Locale.ROOT, "== 8. Save the bundle (%,d bytes, SHA-256 checked), reload it and predict raw rows%n",
                                Files.size(bundleFile));
                        int[] shown = {0};
                        split.test().forEachRow(r -> {
                            if (shown[0]++ < 5) {
                                Prediction p = predictor.predict(Map.of("image", r.get("image")));
                                out.printf(Locale.ROOT, "true %-12s predicted %-12s (p=%.2f)%n", r.getString("label"), p.label(), p.confidence());
                            }
                        });
                        return report.accuracy();
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
}
