package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wide tensors and full chunks: sizes in long arithmetic, chunks sized by bytes, every native write
 * checked. Before the fix, {@code capacity * width} overflowed int (65,536 rows x 65,536 values = 2^32
 * = 0), so the buffer was empty and the first write went past it (SIGSEGV); 65,536 x 300,000 wrapped
 * to a negative count ("valueCount must be >= 0").
 */
@ExtendWith(ArrowLeakCheck.class)
class ColumnSinkBoundsTest {
    @TempDir
    Path dir;

    @Test
    void chunkRowsShrinkForWideTensorsAndNeverOverflow() {
        Schema narrow = Schema.of(Column.of("x", ColumnType.FLOAT64));
        assertThat(ColumnSink.rowsPerChunk(narrow, 65_536)).isEqualTo(65_536);
        Schema wide = Schema.of(Column.tensor("t", 65_536));
        assertThat(ColumnSink.rowsPerChunk(wide, 65_536)).isEqualTo(256); // 64 MiB / 256 KiB
        Schema huge = Schema.of(Column.tensor("t", 1, 524_288 * 64));
        assertThat(ColumnSink.rowsPerChunk(huge, 8_192)).isEqualTo(1);
    }

    private static float[] onlyTensor(Dataset d) {
        float[][] got = new float[1][];
        d.forEachRow(r -> got[0] = (float[]) r.get("t"));
        return got[0];
    }

    private Path wideJson(String name, int width) throws IOException {
        StringBuilder sb = new StringBuilder("{\"t\":[");
        for (int i = 0; i < width; i++) {
            sb.append(i > 0 ? "," : "").append(i % 7);
        }
        sb.append("]}\n");
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aJsonLinesRowWithA65536NumberArrayIsRead() throws IOException {
        try (Dataset d = Dataset.readJsonLines(wideJson("wide.jsonl", 65_536)).read()) {
            assertThat(d.rowCount()).isEqualTo(1);
            float[] t = onlyTensor(d);
            assertThat(t).hasSize(65_536);
            assertThat(t[65_535]).isEqualTo(65_535 % 7);
        }
    }

    @Test
    void aJsonLinesRowWithA300000NumberArrayIsRead() throws IOException {
        try (Dataset d = Dataset.readJsonLines(wideJson("wider.jsonl", 300_000)).read()) {
            assertThat(d.rowCount()).isEqualTo(1);
            float[] t = onlyTensor(d);
            assertThat(t).hasSize(300_000);
            assertThat(t[299_999]).isEqualTo(299_999 % 7);
        }
    }

    @Test
    void writesPastTheCapacityAreRefusedBeforeTouchingMemory() {
        try (BufferAllocator a = Memory.newChild("sink-test")) {
            ColumnSink s = new ColumnSink(Column.of("x", ColumnType.FLOAT64), a, 2);
            try {
                s.appendDouble(1);
                s.appendNull();
                assertThat(s.isFull()).isTrue();
                assertThatThrownBy(() -> s.appendDouble(3)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("chunk of 2 rows is full");
                assertThatThrownBy(s::appendNull).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> s.appendLong(3)).isInstanceOf(IllegalStateException.class);
                FieldVector v = s.finish();
                assertThat(v.getValueCount()).isEqualTo(2);
                v.close();
                assertThatThrownBy(s::undo).isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to undo");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void tensorSinksRefuseFullChunksAndCellsBeyondTheLimit() {
        try (BufferAllocator a = Memory.newChild("sink-test")) {
            ColumnSink s = new ColumnSink(Column.tensor("t", 3), a, 1);
            try {
                s.appendTensor(new float[] {1, 2, 3});
                assertThatThrownBy(() -> s.appendTensor(new float[] {1, 2, 3})).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(s::nextTensorAddress).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(s::commitTensor).isInstanceOf(IllegalStateException.class);
            } finally {
                s.close();
            }
            assertThatThrownBy(() -> new ColumnSink(Column.tensor("t", 1, 1 << 30), a, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
            assertThatThrownBy(() -> new ColumnSink(Column.tensor("t", 1 << 20), a, 4096))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed one Arrow vector");
        }
    }

    @Test
    void nonFiniteNumbersAreRefusedLikeNaN() {
        try (BufferAllocator a = Memory.newChild("sink-test")) {
            ColumnSink d = new ColumnSink(Column.of("x", ColumnType.FLOAT64), a, 4);
            ColumnSink f = new ColumnSink(Column.of("y", ColumnType.FLOAT32), a, 4);
            ColumnSink t = new ColumnSink(Column.tensor("t", 2), a, 4);
            try {
                assertThatThrownBy(() -> d.appendDouble(Double.POSITIVE_INFINITY)).hasMessageContaining("non-finite");
                assertThatThrownBy(() -> f.appendDouble(1e39)).hasMessageContaining("overflows float32");
                assertThatThrownBy(() -> f.appendFloat(Float.NEGATIVE_INFINITY)).hasMessageContaining("non-finite");
                assertThatThrownBy(() -> t.appendTensor(new float[] {1, Float.POSITIVE_INFINITY}))
                        .hasMessageContaining("tensor value 1 is Infinity");
                assertThat(d.count() + f.count() + t.count()).isZero();
            } finally {
                d.close();
                f.close();
                t.close();
            }
        }
    }
}
