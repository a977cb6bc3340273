package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume for real: a child JVM trains with checkpoints, stops at a given batch in the middle
 * of an epoch and is killed there with SIGKILL (no timing: the child says where it is and waits), a
 * second child resumes from the latest checkpoint, and the final parameters equal those of an
 * uninterrupted run with the same seed, bit for bit.
 */
class CrashResumeIT {
    @TempDir
    Path dir;

    /** The network family the children train ({@link TrainingChild#NETWORK}); set by each test. */
    private String network;

    /** Starts a child JVM running {@link TrainingChild} with these arguments; its output goes to {@code log} when given. */
    private Process start(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-D" + TrainingChild.NETWORK + "=" + network);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Xmx") || a.startsWith("-Dorg.bytedeco")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrainingChild.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (log != null) {
            pb.redirectOutput(log.toFile());
        }
        return pb.start();
    }

    /** Waits for a child whose output goes to {@code log}; fails with the end of the log when it fails or hangs. */
    private static void finish(Process p, Path log) throws Exception {
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String tail = out.length() > 2000 ? out.substring(out.length() - 2000) : out;
        assertThat(ended).as("the child ended within 5 minutes: " + tail).isTrue();
        assertThat(p.exitValue()).as(tail).isZero();
        assertThat(out).contains("done");
    }

    private static float[] read(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
        float[] f = new float[b.length / 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = buf.getFloat();
        }
        return f;
    }

    @Test
    void killedMidEpochThenResumedEqualsUninterrupted() throws Exception {
        // epoch 3, about half-way (36 batches per epoch, checkpoints every 5 batches and at each epoch's end)
        network = "multilayer";
        killThenResume(2, 17, 36, 15);
    }

    @Test
    void aNetworkOnTheOwnDensePassKilledMidEpochThenResumedEqualsUninterrupted() throws Exception {
        network = "dense";
        killThenResume(2, 17, 36, 15);
    }

    @Test
    void aGraphNetworkKilledMidEpochThenResumedEqualsUninterrupted() throws Exception {
        ai.bigdata.core.testing.SharedData.file("fashion-mnist");
        // epoch 2 of the residual CNN (12 batches per epoch): the last checkpoint is 5 batches into it
        network = "graph";
        killThenResume(1, 9, 12, 5);
    }

    @Test
    void aTransformerKilledMidEpochThenResumedEqualsUninterrupted() throws Exception {
        // the last batch of epoch 2 of 3 (6 batches per epoch): the last checkpoint is 5 batches into it
        network = "transformer";
        killThenResume(1, 5, 6, 5);
    }

    @Test
    void anEncoderDecoderKilledMidEpochThenResumedEqualsUninterrupted() throws Exception {
        // the last batch of epoch 2 of 3 (6 batches per epoch): the last checkpoint is 5 batches into it
        network = "seq2seq";
        killThenResume(1, 5, 6, 5);
    }

    /**
     * A reference run, then a run that stops after batch {@code stopBatch} of epoch {@code stopEpoch} and
     * is killed, then a resumed run from its latest checkpoint, written {@code latestInEpoch} batches
     * into that epoch of {@code perEpoch} batches.
     */
    private void killThenResume(int stopEpoch, int stopBatch, long perEpoch, long latestInEpoch) throws Exception {
        long latestBatches = stopEpoch * perEpoch + latestInEpoch;
        Path refOut = dir.resolve("reference.bin");
        Path refLog = dir.resolve("reference.log");
        finish(start(refLog, "fresh", dir.resolve("ref-ckpt").toString(), refOut.toString()), refLog);

        Path ckpt = dir.resolve("ckpt");
        // the child stops there and waits to be killed
        Process victim = start(null, "fresh", ckpt.toString(), dir.resolve("never.bin").toString(), String.valueOf(stopEpoch),
                String.valueOf(stopBatch));
        Future<List<String>> untilBlocked = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "victim-output");
            t.setDaemon(true);
            return t;
        }).submit(() -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null && !line.equals(TrainingChild.BLOCKED); line = r.readLine()) {
                    lines.add(line);
                }
            }
            return lines;
        });
        List<String> seen;
        try {
            seen = untilBlocked.get(5, TimeUnit.MINUTES);
        } finally {
            victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        }
        assertThat(victim.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(seen).as("the child stopped after batch " + stopBatch + " of epoch " + stopEpoch + ", its last line").isNotEmpty()
                .last().isEqualTo("batch " + stopEpoch + " " + stopBatch);
        assertThat(victim.exitValue()).isEqualTo(137);
        assertThat(Files.exists(dir.resolve("never.bin"))).isFalse();
        Path latest = Checkpoints.latest(ckpt).orElseThrow();
        long batchesDone = Long.parseLong(latest.getFileName().toString().replaceAll("\\D", ""));
        assertThat(batchesDone).as("the latest checkpoint (every 5 batches) is in the middle of epoch " + stopEpoch)
                .isEqualTo(latestBatches);
        try (var files = Files.list(ckpt)) {
            // every file under a real checkpoint name is complete (a kill during a write leaves only a .tmp file)
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".ckpt")).toList()) {
                assertThat(CheckpointFile.read(p).state().batchSize).isEqualTo(16);
            }
        }

        Path resumedOut = dir.resolve("resumed.bin");
        Path resumedLog = dir.resolve("resumed.log");
        finish(start(resumedLog, "resume", ckpt.toString(), resumedOut.toString()), resumedLog);
        assertThat(Files.readString(resumedLog, StandardCharsets.UTF_8)).doesNotContain("batch 0 0")
                .contains("batch " + stopEpoch + " " + latestInEpoch + "\n");
        assertThat(read(resumedOut)).containsExactly(read(refOut));
    }
}
