package ai.bigdata.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** One peer: its score name, the JMH benchmark it is compared with, script and arguments (full run, smoke run). */
    record Peer(String name, String related, String script, List<String> args, List<String> smokeArgs, String jsonField) {
    }

    static final List<Peer> PEERS = List.of(
            new Peer("peer.sklearn.MLPClassifier.epoch", "ai.bigdata.benchmarks.train.TrainerBenchmark.trainerEpoch",
                    "sklearn_mlp_epoch.py", List.of("60000", "3"), List.of("2000", "1"), "ms_per_epoch"),
            new Peer("peer.torch.cnn.trainBatch", "ai.bigdata.benchmarks.engine.CnnEngineBenchmark.trainBatch",
                    "torch_cnn_step.py", List.of("60"), List.of("3"), "train_ms_per_batch"),
            new Peer("peer.torch.cnn.inferBatch", "ai.bigdata.benchmarks.engine.CnnEngineBenchmark.inferBatch",
                    "torch_cnn_step.py", List.of("60"), List.of("3"), "infer_ms_per_batch"));

    private PythonPeers() {
    }

    /** Runs every peer whose name matches {@code include}; fills {@code missing} with the reasons of those that could not run. */
    static Map<String, double[]> run(String include, boolean smoke, Map<String, String> missing) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : null;
        for (Peer p : PEERS) {
            if (!Pattern.compile(include).matcher(p.related()).find()) {
                continue;
            }
            if (python == null) {
                missing.put(p.name(), "no /usr/bin/python3");
                continue;
            }
            try {
                Path script = Path.of("bigdata-ai-benchmarks", "src", "main", "python", p.script());
                if (!Files.exists(script)) {
                    script = Path.of("src", "main", "python", p.script());
                }
                List<String> cmd = new java.util.ArrayList<>(List.of(python.toString(), script.toString(),
                        BenchData.file("fashion-mnist").toString()));
                cmd.addAll(smoke ? p.smokeArgs() : p.args());
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                pb.environment().put("OMP_NUM_THREADS", "2");
                Process proc = pb.start();
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!proc.waitFor(30, TimeUnit.MINUTES) || proc.exitValue() != 0) {
                    missing.put(p.name(), "exit " + proc.exitValue() + ": " + lastLine(out));
                    continue;
                }
                Matcher m = Pattern.compile("\"" + p.jsonField() + "\": ([0-9.eE+-]+)").matcher(out);
                if (!m.find()) {
                    missing.put(p.name(), "no " + p.jsonField() + " in its output: " + lastLine(out));
                    continue;
                }
                System.out.println(p.name() + ": " + out.trim());
                scores.put(p.name(), new double[] {Double.parseDouble(m.group(1)), Double.NaN});
            } catch (IOException e) {
                missing.put(p.name(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing.put(p.name(), "interrupted");
            }
        }
        return scores;
    }

    private static String lastLine(String out) {
        String[] lines = out.trim().split("\n");
        return lines[lines.length - 1];
    }
}
