package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes an Arrow IPC file several times larger than the heap of a child JVM, which then streams
 * every batch from the memory-mapped file and computes column statistics.
 */
@ExtendWith(ArrowLeakCheck.class)
class LargerThanHeapIT {
    private static final int CHUNKS = 96;
    private static final int ROWS = 65_536;
    private static final int WIDTH = 64;
    private static final int CHILD_HEAP_MB = 256;

    @Test
    void aFileSixTimesTheHeapStreamsThroughBatchesAndStatistics() throws IOException, InterruptedException {
        Path file = Path.of("target", "larger-than-heap.arrow").toAbsolutePath();
        Files.createDirectories(file.getParent());
        try (Dataset generated = Dataset.wrap(new GeneratedSource(CHUNKS, ROWS, WIDTH))) {
            generated.writeArrow(file);
        }
        try {
            long size = Files.size(file);
            assertThat(size).isGreaterThan(6L * CHILD_HEAP_MB * 1024 * 1024);

            long rows = (long) CHUNKS * ROWS;
            double tensorSum = 0;
            double xSum = 0;
            for (long r = 0; r < rows; r++) {
                tensorSum += WIDTH * (r % 7) + WIDTH * (WIDTH - 1) / 2.0;
                xSum += GeneratedSource.x(r);
            }
            String out = runChild(file);
            assertThat(out).contains("rows=" + rows + " ");
            assertThat(out).contains("views=" + (rows / 4096) + " ");
            assertThat(out).contains(String.format(Locale.ROOT, "tensorSum=%.1f", tensorSum));
            assertThat(out).contains(String.format(Locale.ROOT, "xMean=%.9f", xSum / rows));
            assertThat(out).contains("xMax=124.875");
            long heap = Long.parseLong(out.replaceAll("(?s).*heapMax=(\\d+).*", "$1"));
            assertThat(size).isGreaterThan(6 * heap);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String runChild(Path file) throws IOException, InterruptedException {
        List<String> cmd = ChildProcess.java(List.of("-Xmx" + CHILD_HEAP_MB + "m", "--add-opens=java.base/java.nio=ALL-UNNAMED"),
                LargeFileProbe.class, file.toString());
        ChildProcess.Result r = ChildProcess.run(cmd, file.getParent(), Duration.ofMinutes(10));
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.stdout();
    }
}
