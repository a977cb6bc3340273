package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on a small real Arrow file: every truncation point of its tail and many seeded byte
 * flips. Each outcome is a read (possibly of changed values) or a {@link DataFormatException}, never
 * another exception or a crash, and no Arrow memory stays allocated afterwards.
 */
@ExtendWith(ArrowLeakCheck.class)
class ArrowCorruptionTest {
    @TempDir
    Path dir;

    static Dataset sample() {
        Schema s = Schema.of(
                Column.of("id", ColumnType.INT64, ColumnRole.ID),
                Column.of("x", ColumnType.FLOAT64),
                Column.of("note", ColumnType.TEXT),
                Column.categorical("kind", ColumnRole.LABEL, List.of("cat", "dog", "eel")),
                Column.tensor("img", 2, 2));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(4);
        for (int i = 0; i < 10; i++) {
            b.add((long) i, i * 0.5, i % 3 == 0 ? null : "note " + i, List.of("cat", "dog", "eel").get(i % 3),
                    new float[] {i, i + 1, i + 2, i + 3});
        }
        return b.build();
    }

    private byte[] original() throws IOException {
        Path f = dir.resolve("good.arrow");
        try (Dataset d = sample()) {
            d.writeArrow(f);
        }
        return Files.readAllBytes(f);
    }

    /** Reads every value and every batch of a damaged copy; returns "ok" or the exception's class name. */
    private String attempt(byte[] bytes, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        String outcome = "?";
        try (Dataset d = Dataset.readArrow(f)) {
            List<Object> values = new ArrayList<>();
            d.forEachRow(r -> {
                for (String c : d.schema().names()) {
                    values.add(r.get(c));
                }
            });
            if (d.schema().names().contains("img") && d.schema().column("img").type() == ColumnType.TENSOR
                    && d.schema().names().contains("kind") && d.schema().column("kind").type() == ColumnType.CATEGORICAL) {
                try (BatchIterator it = d.batches().features("img").label("kind").batchSize(3).build()) {
                    while (it.hasNext()) {
                        Batch x = it.next();
                        values.add(x.features().sumNumber());
                    }
                } catch (IllegalStateException e) {
                    // a flipped validity bit is a null, which batching refuses by column and row
                    if (!e.getMessage().matches("column '\\w+' is null in row \\d+; .*")) {
                        throw e;
                    }
                }
            }
            outcome = "ok";
            return outcome;
        } catch (DataFormatException e) {
            outcome = e.toString();
            if (name.startsWith("unchanged")) {
                throw new AssertionError(e);
            }
            return DataFormatException.class.getSimpleName();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(name + ": untyped " + e, e);
        } finally {
            assertThat(Memory.allocatedBytes()).as("Arrow memory left by %s after %s", name, outcome).isZero();
            Files.delete(f);
        }
    }

    @Test
    void everyTruncationIsATypedErrorAndFreesEverything() throws IOException {
        byte[] good = original();
        for (int len = 0; len < good.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            String outcome = attempt(cut, "cut" + len + ".arrow");
            assertThat(outcome).as("file cut to %d of %d bytes", len, good.length)
                    .isEqualTo(DataFormatException.class.getSimpleName());
        }
    }

    @Test
    void byteFlipsReadOrFailTypedAndFreeEverything() throws IOException {
        byte[] good = original();
        assertThat(attempt(good, "unchanged.arrow")).isEqualTo("ok");
        Random rnd = new Random(20261130L);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int trial = 0; trial < 200; trial++) {
            byte[] bad = good.clone();
            int at = rnd.nextInt(bad.length);
            bad[at] ^= (byte) (1 + rnd.nextInt(255));
            String outcome;
            try {
                outcome = attempt(bad, "flip" + trial + ".arrow");
            } catch (AssertionError e) {
                fail("byte " + at + " flipped (trial " + trial + "): " + e.getMessage(), e);
                return;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        // both outcomes occur: flips in values read as other values, flips in structure are refused
        assertThat(outcomes).containsKeys("ok", DataFormatException.class.getSimpleName());
    }

    /** The IPC stream inside the file format: everything after the 8-byte magic (the reader stops at end-of-stream). */
    private byte[] originalStream() throws IOException {
        byte[] file = original();
        return java.util.Arrays.copyOfRange(file, 8, file.length);
    }

    /** Reads a damaged stream fully; returns "ok" or the exception's class name; no memory may stay allocated. */
    private static String attemptStream(byte[] bytes, String name) {
        String outcome = "?";
        try (Dataset d = Dataset.readArrowStream(new java.io.ByteArrayInputStream(bytes))) {
            d.forEachRow(r -> {
                for (String c : d.schema().names()) {
                    r.get(c);
                }
            });
            outcome = "ok";
            return outcome;
        } catch (DataFormatException e) {
            outcome = e.toString();
            return DataFormatException.class.getSimpleName();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(name + ": untyped " + e, e);
        } finally {
            assertThat(Memory.allocatedBytes()).as("Arrow memory left by %s after %s", name, outcome).isZero();
        }
    }

    @Test
    void aStreamCutOrAlteredAnywhereReadsOrFailsTypedAndFreesEverything() throws IOException {
        byte[] good = originalStream();
        assertThat(attemptStream(good, "unchanged stream")).isEqualTo("ok");
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int len = 0; len < good.length; len += 7) {
            outcomes.merge(attemptStream(java.util.Arrays.copyOf(good, len), "stream cut to " + len), 1, Integer::sum);
        }
        Random rnd = new Random(20261201L);
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = good.clone();
            int at = rnd.nextInt(bad.length);
            bad[at] ^= (byte) (1 + rnd.nextInt(255));
            outcomes.merge(attemptStream(bad, "stream byte " + at + " flipped (trial " + trial + ")"), 1, Integer::sum);
        }
        assertThat(outcomes).containsKeys("ok", DataFormatException.class.getSimpleName());
    }

    @Test
    void aMessageLengthClaimingGigabytesIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] good = original();
        Path probe = dir.resolve("probe.arrow");
        Files.write(probe, good);
        long at;
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.READ);
             BufferAllocator a = Memory.newChild("probe");
             ArrowFileReader r = new ArrowFileReader(ch, a)) {
            at = r.getRecordBlocks().get(1).getOffset();
        }
        byte[] bad = good.clone();
        // the message after the continuation token claims 2^31 - 1 bytes of metadata
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at + 4, Integer.MAX_VALUE);
        Path f = dir.resolve("huge.arrow");
        Files.write(f, bad);
        assertThatThrownBy(() -> Dataset.readArrow(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": record batch 1 has a message of 2147483647 bytes in a block of "
                        + blockMetadata(probe, 1) + " metadata bytes: the file is damaged");
    }

    private static int blockMetadata(Path file, int block) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             BufferAllocator a = Memory.newChild("probe");
             ArrowFileReader r = new ArrowFileReader(ch, a)) {
            return r.getRecordBlocks().get(block).getMetadataLength();
        }
    }
}
