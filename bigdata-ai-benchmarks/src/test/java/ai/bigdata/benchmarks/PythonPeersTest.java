package ai.bigdata.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peer runner's process handling: output kept, errors and overruns reported, never a wait that cannot end. */
class PythonPeersTest {

    @Test
    void outputOfBothStreamsComesBackWithTheEnvironment() throws IOException {
        // 200 KB on stderr, more than a pipe holds, before anything on stdout
        String out = PythonPeers.runProcess(List.of("/bin/sh", "-c",
                "i=0; while [ $i -lt 2000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789 >&2; i=$((i+1)); done; echo \"threads=$OMP_NUM_THREADS\""),
                Map.of("OMP_NUM_THREADS", "2"), Duration.ofMinutes(2));
        assertThat(out.lines().count()).isEqualTo(2001);
        assertThat(out).endsWith("threads=2\n");
    }

    @Test
    void aFailingPeerIsReportedWithItsLastLine() {
        assertThatThrownBy(() -> PythonPeers.runProcess(List.of("/bin/sh", "-c", "echo first; echo 'no module named torch'; exit 2"),
                Map.of(), Duration.ofMinutes(2)))
                .isInstanceOf(IOException.class).hasMessage("exit 2: no module named torch");
    }

    @Test
    void aPeerThatOutlivesItsTimeoutIsKilledAndReported() {
        assertThatThrownBy(() -> PythonPeers.runProcess(List.of("/bin/sh", "-c", "echo warming up; exec sleep 600"), Map.of(),
                Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class).hasMessage("timed out after PT2S, killed: warming up");
    }
}
