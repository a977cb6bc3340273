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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume for real: a child JVM trains with checkpoints, is killed with SIGKILL in the middle
 * of an epoch, a second child resumes from the latest checkpoint, and the final parameters equal those
 * of an uninterrupted run with the same seed, bit for bit.
 */
class CrashResumeIT {
    @TempDir
    Path dir;

    private Process start(String mode, Path ckpt, Path out) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Xmx") || a.startsWith("-Dorg.bytedeco")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrainingChild.class.getName());
        cmd.add(mode);
        cmd.add(ckpt.toString());
        cmd.add(out.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
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
        Path refOut = dir.resolve("reference.bin");
        Process ref = start("fresh", dir.resolve("ref-ckpt"), refOut);
        ref.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(ref.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(ref.exitValue()).isZero();

        Path ckpt = dir.resolve("ckpt");
        Process victim = start("fresh", ckpt, dir.resolve("never.bin"));
        String killedAt = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.equals("batch 2 17")) { // epoch 3, about half-way (36 batches per epoch)
                    killedAt = line;
                    victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                    break;
                }
            }
        }
        assertThat(victim.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(killedAt).as("the child was killed while training").isNotNull();
        assertThat(victim.exitValue()).isEqualTo(137);
        assertThat(Files.exists(dir.resolve("never.bin"))).isFalse();
        Path latest = Checkpoints.latest(ckpt).orElseThrow();
        long batchesDone = Long.parseLong(latest.getFileName().toString().replaceAll("\\D", ""));
        assertThat(batchesDone % 36).as("the latest checkpoint is in the middle of an epoch").isNotZero();
        try (var files = Files.list(ckpt)) {
            // every file under a real checkpoint name is complete (a kill during a write leaves only a .tmp file)
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".ckpt")).toList()) {
                assertThat(CheckpointFile.read(p).state().batchSize).isEqualTo(16);
            }
        }

        Path resumedOut = dir.resolve("resumed.bin");
        Process resumed = start("resume", ckpt, resumedOut);
        String tail = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(tail.length() > 2000 ? tail.substring(tail.length() - 2000) : tail).isZero();
        assertThat(tail).doesNotContain("batch 0 0").contains("done");
        assertThat(read(resumedOut)).containsExactly(read(refOut));
    }
}
