package ai.bigdata.benchmarks;

import ai.bigdata.benchmarks.text.SpamDocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the project's own Python peer benchmarks (scripts under {@code src/main/python}, written from the
 * protocols in peers.md) with Debian's python3, in the same run as the JMH suites. Each script runs at
 * 1 and at 2 threads ({@code OMP_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS} and the script's own thread
 * argument), so that every comparison holds the thread count equal on both sides, and is repeated
 * (three times in a full run) so that its score carries a spread: the mean and the sample standard
 * deviation of the repeats. A peer that cannot run (no python3, no scikit-learn, no data) is reported as
 * missing, never as a number.
 */
final class PythonPeers {
    /** One score a peer script prints: its name, the JMH benchmark it is compared with, and its JSON field. */
    record Score(String name, String related, String jsonField) {
    }

    /**
     * One peer script, run once per thread count and repeat for all its scores; its first argument is the
     * data set {@code data} (a path under the data folder; for {@link SpamDocs#ARCHIVE}, the documents
     * exported from it).
     */
    record Script(String file, String data, List<String> args, List<String> smokeArgs, List<Score> scores) {
        Script(String file, List<String> args, List<String> smokeArgs, List<Score> scores) {
            this(file, "fashion-mnist", args, smokeArgs, scores);
        }
    }

    /** The thread counts every peer runs at. */
    static final List<Integer> THREADS = List.of(1, 2);

    private static final String CNN = "ai.bigdata.benchmarks.engine.CnnEngineBenchmark.";
    private static final String INFERENCE = "ai.bigdata.benchmarks.engine.InferenceBenchmark.";
    private static final Duration PEER_TIMEOUT = Duration.ofMinutes(30);

    static final List<Script> SCRIPTS = List.of(
            new Script("sklearn_mlp_epoch.py", List.of("60000", "3"), List.of("2000", "1"), List.of(
                    new Score("peer.sklearn.MLPClassifier.epoch", "ai.bigdata.benchmarks.train.TrainerBenchmark.trainerEpoch",
                            "ms_per_epoch"))),
            new Script("sklearn_logreg_cv.py", List.of("20"), List.of("1"), List.of(
                    new Score("peer.sklearn.LogisticRegression.cv5", "ai.bigdata.benchmarks.train.SmallDataBenchmark.crossValidation",
                            "ms_per_cv"))),
            new Script("torch_peer.py", List.of("60"), List.of("3"), List.of(
                    new Score("peer.torch.cnn.trainBatch", CNN + "trainBatch", "train_ms_per_batch"),
                    new Score("peer.torch.cnn.inferBatch", CNN + "inferBatch", "infer_ms_per_batch"),
                    new Score("peer.torch.cnn.singleImage:p50", INFERENCE + "cnnSingleImage", "single_ms_p50"),
                    new Score("peer.torch.cnn.singleImage:p99", INFERENCE + "cnnSingleImage", "single_ms_p99"),
                    new Score("peer.torch.mlp.inferBatch", INFERENCE + "mlpInferBatch", "mlp_infer_ms_per_batch"),
                    new Score("peer.torch.cnn.epoch", "ai.bigdata.benchmarks.train.CnnEpochBenchmark.trainerEpoch", "epoch_ms"))),
            new Script("sklearn_tfidf.py", SpamDocs.ARCHIVE, List.of("5", "100000"), List.of("1", "2000"), List.of(
                    new Score("peer.sklearn.TfidfVectorizer.fitTransform", "ai.bigdata.benchmarks.text.TextBenchmark.tfidfFitTransform",
                            "ms_per_fit_transform"))));

    private PythonPeers() {
    }

    /**
     * Runs every peer whose related benchmark matches {@code include}; scores are keyed
     * {@code name[threads=N]} (for a percentile, {@code name[threads=N]:p50}). Fills {@code missing} with
     * the reasons of those that could not run.
     */
    static Map<String, double[]> run(String include, boolean smoke, Map<String, String> missing) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : null;
        int repeats = smoke ? 1 : 3;
        for (Script script : SCRIPTS) {
            List<Score> wanted = script.scores().stream()
                    .filter(x -> Pattern.compile(include).matcher(x.related()).find()).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            String reason = python == null ? "no /usr/bin/python3"
                    : BenchData.find(script.data()).isEmpty() ? BenchData.whyMissing(script.data()) : null;
            for (int threads : THREADS) {
                Map<Score, List<Double>> values = new LinkedHashMap<>();
                for (int rep = 0; rep < repeats && reason == null; rep++) {
                    String out;
                    try {
                        out = runScript(python, script, smoke, threads);
                    } catch (IOException e) {
                        reason = e.getMessage();
                        break;
                    }
                    System.out.println(script.file() + " (threads=" + threads + ", run " + (rep + 1) + "): " + out.trim());
                    for (Score x : wanted) {
                        Matcher m = Pattern.compile("\"" + x.jsonField() + "\": ([0-9.eE+-]+)").matcher(out);
                        if (m.find()) {
                            values.computeIfAbsent(x, k -> new ArrayList<>()).add(Double.parseDouble(m.group(1)));
                        } else {
                            missing.put(key(x.name(), threads), "no " + x.jsonField() + " in its output: " + lastLine(out));
                        }
                    }
                }
                for (Score x : wanted) {
                    List<Double> v = values.get(x);
                    if (reason != null || v == null) {
                        missing.putIfAbsent(key(x.name(), threads), reason == null ? "no value" : reason);
                    } else {
                        scores.put(key(x.name(), threads), new double[] {mean(v), sd(v)});
                    }
                }
            }
        }
        return scores;
    }

    /** {@code peer.x.y:p50} at 2 threads becomes {@code peer.x.y[threads=2]:p50}. */
    static String key(String name, int threads) {
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        return base + "[threads=" + threads + "]" + (colon < 0 ? "" : name.substring(colon));
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation; NaN for a single value (no spread is known). */
    static double sd(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }

    /** Runs one script at {@code threads} threads; its output, or an IOException that says why it failed. */
    private static String runScript(Path python, Script script, boolean smoke, int threads) throws IOException {
        Path file = Path.of("bigdata-ai-benchmarks", "src", "main", "python", script.file());
        if (!Files.exists(file)) {
            file = Path.of("src", "main", "python", script.file());
        }
        Path data = script.data().equals(SpamDocs.ARCHIVE) ? SpamDocs.file() : BenchData.file(script.data());
        List<String> cmd = new ArrayList<>(List.of(python.toString(), file.toString(), data.toString()));
        cmd.addAll(smoke ? script.smokeArgs() : script.args());
        if (script.file().startsWith("torch")) {
            cmd.add(Integer.toString(threads));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(v, Integer.toString(threads));
        }
        return runProcess(cmd, env, PEER_TIMEOUT);
    }

    /**
     * Runs a command with these extra environment variables, its stdout and stderr together in a temporary
     * file (so the wait below is the real limit: nothing blocks on a pipe), and returns that output; kills
     * the process and its children and throws when it outlives {@code timeout} or exits with an error.
     */
    static String runProcess(List<String> cmd, Map<String, String> env, Duration timeout) throws IOException {
        Path log = Files.createTempFile("python-peer", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process proc = pb.start();
            try {
                if (!proc.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    proc.descendants().forEach(ProcessHandle::destroyForcibly);
                    proc.destroyForcibly().waitFor();
                    throw new IOException("timed out after " + timeout + ", killed: " + lastLine(read(log)));
                }
            } catch (InterruptedException e) {
                proc.descendants().forEach(ProcessHandle::destroyForcibly);
                proc.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            String out = read(log);
            if (proc.exitValue() != 0) {
                throw new IOException("exit " + proc.exitValue() + ": " + lastLine(out));
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private static String lastLine(String out) {
        String[] lines = out.trim().split("\n");
        return lines[lines.length - 1];
    }
}
