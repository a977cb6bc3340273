package ai.bigdata.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH suites (all, or those matching {@code --include REGEX}) and writes
 * {@code results/<date>.json} and {@code results/<date>.md}: every benchmark's score and error, and
 * each comparison as a ratio to its baseline measured in the same run, with the machine and engine.
 * {@code --smoke} runs every benchmark once, briefly, so that benchmarks never rot.
 */
public final class BenchmarkRunner {
    private BenchmarkRunner() {
    }

    /** One comparison: our benchmark against a baseline benchmark with the same parameters. */
    record Comparison(String what, String ours, String baseline, String goal) {
    }

    static final List<Comparison> COMPARISONS = List.of(
            new Comparison("CSV ingest, MovieLens ratings.csv into typed columns", "CsvIngestBenchmark.bigdataAi",
                    "CsvIngestBenchmark.commonsCsv", "speed-up >= 5x Commons CSV"),
            new Comparison("CSV ingest vs a String.split loop", "CsvIngestBenchmark.bigdataAi",
                    "CsvIngestBenchmark.splitLoop", "information"),
            new Comparison("tensor batches (60k x 784 float32), one epoch", "BatchAssemblyBenchmark.tensorViews",
                    "BatchAssemblyBenchmark.tensorMemcpy", "O(1) per batch: faster than copying"),
            new Comparison("packed numeric batches (1M x 10 float32), one epoch", "BatchAssemblyBenchmark.numericPacked",
                    "BatchAssemblyBenchmark.numericMemcpy", ">= 50% of memcpy bandwidth"),
            new Comparison("standard scaling fit + apply, 10M rows x 10 float64 columns", "PreprocessingBenchmark.standardScaling",
                    "PreprocessingBenchmark.standardScalingPlainLoop", "within 2x of a plain loop (>= 0.5x)"),
            new Comparison("one-hot fit + apply, 10M rows, 10 categories", "PreprocessingBenchmark.oneHot",
                    "PreprocessingBenchmark.oneHotPlainLoop", "within 2x of a plain loop (>= 0.5x)"),
            new Comparison("CNN training step, batch 128 (oneDNN helpers on vs DL4J default off)",
                    "CnnEngineBenchmark.trainBatch[helpers=on]", "CnnEngineBenchmark.trainBatch[helpers=off]",
                    "the engine fix: faster than DL4J's default path"),
            new Comparison("CNN inference, batch 256 (oneDNN helpers on vs DL4J default off)",
                    "CnnEngineBenchmark.inferBatch[helpers=on]", "CnnEngineBenchmark.inferBatch[helpers=off]",
                    "the engine fix: faster than DL4J's default path"),
            new Comparison("CNN training step, batch 128: DL4J + oneDNN (bigdata-ai engine, 2 threads) vs PyTorch CPU",
                    "CnnEngineBenchmark.trainBatch[helpers=on]", "peer.torch.cnn.trainBatch", "<= 1.5x PyTorch (>= 0.67x)"),
            new Comparison("CNN inference, batch 256: DL4J + oneDNN (bigdata-ai engine, 2 threads) vs PyTorch CPU",
                    "CnnEngineBenchmark.inferBatch[helpers=on]", "peer.torch.cnn.inferBatch", ">= PyTorch throughput (>= 1x)"),
            new Comparison("MLP 784-256-128-10 inference, batch 256: bigdata-ai NeuralNetwork (engine default, 1 thread) vs PyTorch CPU",
                    "InferenceBenchmark.mlpInferBatch", "peer.torch.mlp.inferBatch", ">= PyTorch throughput (>= 1x)"),
            new Comparison("MLP 784-256-128-10 inference, batch 256: NeuralNetwork.output (row-major oneDNN products) vs DL4J output()",
                    "InferenceBenchmark.mlpInferBatch", "InferenceBenchmark.mlpInferBatchDl4j", "faster than DL4J (> 1x)"),
            new Comparison("CNN single-image latency p50: DL4J + oneDNN (bigdata-ai engine, 1 thread) vs PyTorch CPU",
                    "InferenceBenchmark.cnnSingleImage:p50", "peer.torch.cnn.singleImage:p50", "information"),
            new Comparison("CNN single-image latency p99: DL4J + oneDNN (bigdata-ai engine, 1 thread) vs PyTorch CPU",
                    "InferenceBenchmark.cnnSingleImage:p99", "peer.torch.cnn.singleImage:p99", "ours < 5 ms"),
            new Comparison("MLP 784-256-128-10 epoch, Fashion-MNIST 60k, batch 128: our Trainer vs DL4J's own fit",
                    "TrainerBenchmark.trainerEpoch", "TrainerBenchmark.bareDl4jEpoch", "overhead <= 5% (>= 0.95x)"),
            new Comparison("MLP 784-256-128-10 epoch, batch 128: our Trainer (fused Adam) vs DL4J's own fit with its stock Adam",
                    "TrainerBenchmark.trainerEpoch", "TrainerBenchmark.bareDl4jEpochStockAdam", "information (> 1x: faster than DL4J)"),
            new Comparison("MLP 20-64-32-3 epoch, batch 128: streamed from a memory-mapped Arrow file through a lazy filter"
                    + " and standard scaling vs the same rows filtered, scaled and held in memory",
                    "StreamedTrainingBenchmark.streamedEpoch", "StreamedTrainingBenchmark.inMemoryEpoch",
                    ">= 0.8x the in-memory speed"),
            new Comparison("MLP epoch throughput, Trainer workers(2) vs workers(1), 2 cores",
                    "TrainerBenchmark.trainerEpochTwoWorkers", "TrainerBenchmark.trainerEpoch", "information (> 1x: parallel helps)"),
            new Comparison("MLP 784-256-128-10 epoch, Fashion-MNIST 60k, batch 128: our Trainer vs scikit-learn MLPClassifier",
                    "TrainerBenchmark.trainerEpoch[rows=60000]", "peer.sklearn.MLPClassifier.epoch", "<= 1.5x sklearn (>= 0.67x)"),
            new Comparison("single-row prediction p50: Predictor on a raw olive row vs DL4J output() on one row",
                    "PredictorLatencyBenchmark.predictor:p50", "PredictorLatencyBenchmark.dl4jOutput:p50", "<= 1.2x (>= 0.83x)"),
            new Comparison("single-row prediction p99: Predictor on a raw olive row vs DL4J output() on one row",
                    "PredictorLatencyBenchmark.predictor:p99", "PredictorLatencyBenchmark.dl4jOutput:p99", "information"));

    /** Entry point: {@code [--include REGEX] [--smoke] [--out DIR]}. */
    public static void main(String[] args) throws RunnerException, IOException {
        String include = "ai\\.bigdata\\.benchmarks\\..*";
        boolean smoke = false;
        boolean updateReadme = false;
        Path out = Path.of("results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--include": include = args[++i]; break;
                case "--smoke": smoke = true; break;
                case "--out": out = Path.of(args[++i]); break;
                case "--update-readme": updateReadme = true; break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: BenchmarkRunner [--include REGEX] [--smoke] [--out DIR] [--update-readme]");
            }
        }
        ChainedOptionsBuilder opts = new OptionsBuilder().include(include).forks(1)
                .jvmArgsAppend("-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED")
                .shouldFailOnError(true);
        if (smoke) {
            opts.warmupIterations(1).warmupTime(TimeValue.milliseconds(100)).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            opts.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
        }
        if (smoke) {
            opts.param("rows", "2000");
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        Map<String, String> missing = new LinkedHashMap<>();
        Map<String, double[]> peers = PythonPeers.run(include, smoke, missing);
        String table = report(results, peers, missing, out, smoke);
        if (updateReadme) {
            if (smoke) {
                throw new IllegalArgumentException("a smoke run measures nothing: it cannot update README.md");
            }
            updateReadme(Path.of("README.md"), table);
        }
    }

    static final String BEGIN = "<!-- performance:begin (generated by BenchmarkRunner --update-readme) -->";
    static final String END = "<!-- performance:end -->";

    /** Replaces the README's performance section with {@code table}. */
    static void updateReadme(Path readme, String table) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int a = text.indexOf(BEGIN);
        int b = text.indexOf(END);
        if (a < 0 || b < a) {
            throw new IllegalStateException(readme + " has no performance markers " + BEGIN + " ... " + END);
        }
        String updated = text.substring(0, a + BEGIN.length()) + "\n" + table + text.substring(b);
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }

    /** A score keyed by "Class.method" plus the parameters, e.g. "BatchAssemblyBenchmark.tensorViews[batchSize=128]". */
    static Map<String, double[]> scores(Collection<RunResult> results) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String shortName = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            StringBuilder p = new StringBuilder();
            for (String k : r.getParams().getParamsKeys()) {
                p.append(p.length() == 0 ? "" : ",").append(k).append('=').append(r.getParams().getParam(k));
            }
            String key = shortName + (p.length() == 0 ? "" : "[" + p + "]");
            m.put(key, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
            if (r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                var stats = r.getPrimaryResult().getStatistics();
                m.put(key + ":p50", new double[] {stats.getPercentile(50), Double.NaN});
                m.put(key + ":p99", new double[] {stats.getPercentile(99), Double.NaN});
            }
        }
        return m;
    }

    static String report(Collection<RunResult> results, Map<String, double[]> peers, Map<String, String> missing, Path outDir,
            boolean smoke) throws IOException {
        Map<String, double[]> scores = scores(results);
        scores.putAll(peers);
        String machine = machine();
        String engine = engine();
        List<String> rows = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\n  \"date\": \"" + LocalDate.now() + "\",\n  \"smoke\": " + smoke
                + ",\n  \"machine\": \"" + machine + "\",\n  \"engine\": \"" + engine + "\",\n  \"benchmarks\": [\n");
        int i = 0;
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            double err = e.getValue()[1];
            json.append(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"ms_per_op\": %.6f, \"error\": %s}%s%n",
                    e.getKey(), e.getValue()[0], Double.isNaN(err) ? "null" : String.format(Locale.ROOT, "%.6f", err),
                    ++i < scores.size() ? "," : ""));
        }
        json.append("  ],\n  \"comparisons\": [\n");
        List<String> jsonRows = new ArrayList<>();
        for (Comparison c : COMPARISONS) {
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                String key = e.getKey();
                if (!key.equals(c.ours()) && !key.startsWith(c.ours() + "[")) {
                    continue;
                }
                String params = key.substring(c.ours().length());
                double[] base = scores.get(c.baseline().contains("[") || c.baseline().startsWith("peer.") ? c.baseline()
                        : c.baseline() + params);
                if (base == null && missing.containsKey(c.baseline())) {
                    rows.add(String.format(Locale.ROOT, "| %s %s | %.3f ± %.3f ms | %s: MISSING (%s) | - | %s |", c.what(), params,
                            e.getValue()[0], e.getValue()[1], c.baseline(), missing.get(c.baseline()), c.goal()));
                    continue;
                }
                if (base == null) {
                    continue;
                }
                double ours = e.getValue()[0];
                double speedup = base[0] / ours;
                rows.add(String.format(Locale.ROOT, "| %s %s | %.3f ± %.3f ms | %s: %.3f ± %.3f ms | %.2fx | %s |", c.what(),
                        params, ours, e.getValue()[1], c.baseline().substring(c.baseline().indexOf('.') + 1), base[0], base[1],
                        speedup, c.goal()));
                jsonRows.add(String.format(Locale.ROOT, "    {\"what\": \"%s %s\", \"ours_ms\": %.6f, \"baseline\": \"%s\","
                        + " \"baseline_ms\": %.6f, \"speedup\": %.4f}", c.what(), params, ours, c.baseline(), base[0], speedup));
            }
        }
        json.append(String.join(",\n", jsonRows)).append("\n  ],\n  \"missing_peers\": {");
        json.append(String.join(", ", missing.entrySet().stream().map(x -> "\"" + x.getKey() + "\": \""
                + x.getValue().replace("\"", "'") + "\"").toList())).append("}\n}\n");
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(smoke ? " (SMOKE RUN: not a measurement)" : "").append(" on ")
                .append(machine).append("; engine: ").append(engine).append(".\n\n");
        md.append("| what | ours | baseline (same run) | speed-up (baseline time / ours) | goal |\n|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        Files.createDirectories(outDir);
        String stem = LocalDate.now() + (smoke ? "-smoke" : "");
        Files.writeString(outDir.resolve(stem + ".json"), json, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(stem + ".md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
        return md.toString();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + ManagementFactory.getRuntimeMXBean().getVmName()
                + " " + System.getProperty("java.version");
    }

    static String engine() {
        return ai.bigdata.core.engine.Engine.start().toString();
    }
}
