package ai.bigdata.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child-process harness of the integration tests: no deadlock on full pipes, and a timeout that fires. */
class ChildProcessTest {
    private static final int LINES = 20_000;
    private static final String LINE = "0123456789012345678901234567890123456789012345678901234567890123456789";

    @TempDir
    java.nio.file.Path dir;

    /** Writes far more than a pipe holds to stderr first, then to stdout, then exits with status 3. */
    static final class Chatter {
        public static void main(String[] args) {
            write(System.err);
            write(System.out);
            System.exit(3);
        }

        private static void write(PrintStream s) {
            for (int i = 0; i < LINES; i++) {
                s.println(LINE);
            }
            s.flush();
        }
    }

    @Test
    void bothStreamsAreKeptWhateverTheirSizeAndOrder() throws Exception {
        // reading stdout to the end before stderr would wait forever here: the child blocks on a full stderr pipe
        ChildProcess.Result r = ChildProcess.run(ChildProcess.java(List.of("-Xmx32m"), Chatter.class), dir, Duration.ofMinutes(2));
        assertThat(r.exitCode()).isEqualTo(3);
        String expected = (LINE + System.lineSeparator()).repeat(LINES);
        assertThat(r.stderr()).isEqualTo(expected);
        assertThat(r.stdout()).isEqualTo(expected);
    }

    @Test
    void aChildOfAnInterruptedTestIsKilled() throws Exception {
        List<String> cmd = List.of("/bin/sh", "-c", "exec sleep 601");
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread test = new Thread(() -> {
            try {
                ChildProcess.run(cmd, dir, Duration.ofMinutes(10));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "interrupted test");
        test.start();
        while (sleepers().isEmpty()) {
            Thread.onSpinWait();
        }
        test.interrupt(); // as a test framework's timeout does
        test.join();
        try {
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(sleepers()).as("the child outlives the interrupted test").isEmpty();
        } finally {
            sleepers().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** This JVM's live descendants running {@code sleep 601}. */
    private static List<ProcessHandle> sleepers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains("sleep 601")
                        || h.info().arguments().map(a -> List.of(a).contains("601")).orElse(false))
                .toList();
    }

    @Test
    void aChildThatOutlivesItsTimeoutIsKilledAndReportedWithItsOutput() {
        // says it started, then outlives any test run
        List<String> cmd = List.of("/bin/sh", "-c", "echo started; exec sleep 600");
        assertThatThrownBy(() -> ChildProcess.run(cmd, dir, Duration.ofSeconds(3)))
                .isInstanceOf(ChildProcess.TimeoutException.class)
                .hasMessageContaining("still running after PT3S, killed")
                .hasMessageContaining("--- stdout ---\nstarted");
    }
}
