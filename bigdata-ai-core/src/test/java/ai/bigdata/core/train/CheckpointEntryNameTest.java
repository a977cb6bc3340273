package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.internal.ZipParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint whose zip entry name was damaged is refused naming the file, not with a bare "malformed input". */
class CheckpointEntryNameTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCheckpointIsReportedAsMissingNotAsDamaged() {
        Path file = dir.resolve("checkpoint-000000000007.ckpt");
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpoint " + file + " does not exist").hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void aDamagedEntryNameNamesTheCheckpoint() throws Exception {
        Path file = dir.resolve("epoch-0001.ckpt");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("state.json", "{}".getBytes(StandardCharsets.UTF_8));
        parts.put("network.zip", new byte[] {1, 2, 3});
        ZipParts.write(file, parts);
        byte[] b = Files.readAllBytes(file);
        b[30] = (byte) 0xC3; // the first entry's name now starts with a UTF-8 lead byte without its continuation
        b[31] = (byte) 0x28;
        Files.write(file, b);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint " + file + " cannot be read (damaged or not a checkpoint): its zip entries are"
                        + " damaged: " + file + ": a zip entry name is damaged (malformed input");
    }

    @Test
    void aCheckpointIsSealedSoThatACutEndIsNamedAsSuch() throws Exception {
        Path file = dir.resolve("epoch-0002.ckpt");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("state.json", "{}".getBytes(StandardCharsets.UTF_8));
        parts.put("network.zip", new byte[] {1, 2, 3});
        SealedZip.write(file, parts);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint " + file + " cannot be read (damaged or not a checkpoint): ")
                .hasMessageContaining("the end was cut off");
    }
}
