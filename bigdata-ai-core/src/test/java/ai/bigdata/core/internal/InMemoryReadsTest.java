package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file and zip-part reads stop with a typed error at their limit instead of running out of memory. */
class InMemoryReadsTest {
    @TempDir
    Path dir;

    @Test
    void readsUnderTheLimitExactlyInChunks() throws IOException {
        byte[] data = new byte[200_000];
        new Random(1).nextBytes(data);
        assertThat(InMemoryReads.readAll(new ByteArrayInputStream(data), data.length, "data")).isEqualTo(data);
        assertThat(InMemoryReads.readAll(new ByteArrayInputStream(new byte[0]), 0, "nothing")).isEmpty();
        assertThat(InMemoryReads.limit()).isPositive().isLessThanOrEqualTo(Integer.MAX_VALUE - 8);
    }

    @Test
    void aStreamPastTheLimitIsRefusedByName() {
        assertThatThrownBy(() -> InMemoryReads.readAll(new ByteArrayInputStream(new byte[100_001]), 100_000, "the part 'x'"))
                .isInstanceOf(IOException.class).hasMessageContaining("the part 'x'").hasMessageContaining("100000");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[5000]);
        assertThat(InMemoryReads.readFile(file, 5000)).hasSize(5000);
        assertThatThrownBy(() -> InMemoryReads.readFile(file, 4999)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("5000 bytes").hasMessageContaining("-Xmx");
    }

    @Test
    void aSmallZipPartThatInflatesPastTheLimitIsRefused() throws IOException {
        // 4 MB of zeros deflate to a few kB: a small file whose part would take far more memory than it
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write("{}".getBytes());
            out.putNextEntry(new ZipEntry("bomb.bin"));
            out.write(new byte[4 << 20]);
        }
        byte[] bytes = zip.toByteArray();
        assertThat(bytes.length).isLessThan(64 << 10);
        Map<String, byte[]> whole = ZipParts.read(new ByteArrayInputStream(bytes), "test.zip", 5 << 20);
        assertThat(whole.get("bomb.bin")).hasSize(4 << 20);
        assertThatThrownBy(() -> ZipParts.read(new ByteArrayInputStream(bytes), "test.zip", 1 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("test.zip").hasMessageContaining("'bomb.bin'");
    }
}
