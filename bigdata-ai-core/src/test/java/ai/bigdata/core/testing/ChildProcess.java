package ai.bigdata.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for a test with a timeout that really fires: stdout and stderr go to files, never
 * to pipes the test must drain (a child that fills one pipe while the test reads the other cannot
 * deadlock), and a child still running when the timeout ends is killed and reported with its output. A
 * child of a test that is interrupted while waiting (a test framework's timeout) is killed too.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** What a finished child left: its exit status and everything it wrote to stdout and stderr. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Both streams, for assertion messages. */
        public String output() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Thrown when a child outlives its timeout; it has been killed, and the message holds its output so far. */
    public static final class TimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code command} with its output in files under {@code workDir} and waits at most {@code timeout};
     * throws {@link TimeoutException} (after killing the child and its descendants) when it runs longer.
     */
    public static Result run(List<String> command, Path workDir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "child", ".stdout");
        Path err = Files.createTempFile(workDir, "child", ".stderr");
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullInput()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // the test was interrupted (a framework timeout): the child must not outlive it
                kill(p);
                throw e;
            }
            if (!finished) {
                kill(p);
                throw new TimeoutException("child " + command.get(0) + " still running after " + timeout + ", killed\n--- stdout ---\n"
                        + read(out) + "\n--- stderr ---\n" + read(err));
            }
            return new Result(p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Kills the child and its descendants and waits until it is gone (uninterruptibly: it dies at once). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A command that starts {@code mainClass} in a new JVM on this test's class path, with these JVM options first. */
    public static List<String> java(List<String> jvmOptions, Class<?> mainClass, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(cp.replace(File.pathSeparatorChar == ':' ? ";" : ":", File.pathSeparator));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static File nullInput() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's output " + file, e);
        }
    }
}
