package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writes an Arrow IPC file several times larger than the heap of a child JVM, which then streams
 * every batch from the memory-mapped file and computes column statistics.
 */
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
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + CHILD_HEAP_MB + "m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", cp.replace(File.pathSeparatorChar == ':' ? ";" : ":", File.pathSeparator),
                LargeFileProbe.class.getName(), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
