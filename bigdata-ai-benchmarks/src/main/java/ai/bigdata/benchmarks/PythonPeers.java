package ai.bigdata.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the project's own Python peer benchmarks (scripts under {@code src/main/python}, written from the
 * protocols in peers.md) with Debian's python3 and two OpenMP threads, in the same run as the JMH
 * suites. A peer that cannot run (no python3, no scikit-learn) is reported as missing, never as a number.
 */
final class PythonPeers {
    /** One score a peer script prints: its name, the JMH benchmark it is compared with, and its JSON field. */
    record Score(String name, String related, String jsonField) {
    }

    /** One peer script, run once for all its scores: arguments for a full run and for a smoke run. */
    record Script(String file, List<String> args, List<String> smokeArgs, List<Score> scores) {
    }

    private static final String CNN = "ai.bigdata.benchmarks.engine.CnnEngineBenchmark.";
    private static final String INFERENCE = "ai.bigdata.benchmarks.engine.InferenceBenchmark.";

    static final List<Script> SCRIPTS = List.of(
            new Script("sklearn_mlp_epoch.py", List.of("60000", "3"), List.of("2000", "1"), List.of(
                    new Score("peer.sklearn.MLPClassifier.epoch", "ai.bigdata.benchmarks.train.TrainerBenchmark.trainerEpoch",
                            "ms_per_epoch"))),
            new Script("torch_peer.py", List.of("60"), List.of("3"), List.of(
                    new Score("peer.torch.cnn.trainBatch", CNN + "trainBatch", "train_ms_per_batch"),
                    new Score("peer.torch.cnn.inferBatch", CNN + "inferBatch", "infer_ms_per_batch"),
                    new Score("peer.torch.cnn.singleImage:p50", INFERENCE + "cnnSingleImage", "single_ms_p50"),
                    new Score("peer.torch.cnn.singleImage:p99", INFERENCE + "cnnSingleImage", "single_ms_p99"),
                    new Score("peer.torch.mlp.inferBatch", INFERENCE + "mlpInferBatch", "mlp_infer_ms_per_batch"))));

    /** How long one peer script may run before it is killed and reported as missing. */
    private static final Duration PEER_TIMEOUT = Duration.ofMinutes(30);

    private PythonPeers() {
    }

    /** Runs every peer whose name matches {@code include}; fills {@code missing} with the reasons of those that could not run. */
    static Map<String, double[]> run(String include, boolean smoke, Map<String, String> missing) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : null;
        for (Script script : SCRIPTS) {
            List<Score> wanted = script.scores().stream()
                    .filter(x -> Pattern.compile(include).matcher(x.related()).find()).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            if (python == null) {
                wanted.forEach(x -> missing.put(x.name(), "no /usr/bin/python3"));
                continue;
            }
            String out;
            try {
                out = runScript(python, script, smoke);
            } catch (IOException e) {
                wanted.forEach(x -> missing.put(x.name(), e.getMessage()));
                continue;
            }
            System.out.println(script.file() + ": " + out.trim());
            for (Score x : wanted) {
                Matcher m = Pattern.compile("\"" + x.jsonField() + "\": ([0-9.eE+-]+)").matcher(out);
                if (m.find()) {
                    scores.put(x.name(), new double[] {Double.parseDouble(m.group(1)), Double.NaN});
                } else {
                    missing.put(x.name(), "no " + x.jsonField() + " in its output: " + lastLine(out));
                }
            }
        }
        return scores;
    }

    /** Runs one script with two OpenMP threads; its output, or an IOException that says why it failed. */
    private static String runScript(Path python, Script script, boolean smoke) throws IOException {
        Path file = Path.of("bigdata-ai-benchmarks", "src", "main", "python", script.file());
        if (!Files.exists(file)) {
            file = Path.of("src", "main", "python", script.file());
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(python.toString(), file.toString(),
                BenchData.file("fashion-mnist").toString()));
        cmd.addAll(smoke ? script.smokeArgs() : script.args());
        return runProcess(cmd, Map.of("OMP_NUM_THREADS", "2"), PEER_TIMEOUT);
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
