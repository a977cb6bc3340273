package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrow files written with the Arrow Java API whose dictionary codes lie outside the dictionary: the
 * record batch is refused when first visited, by file, record batch, column, row and code, from
 * batching and from row access alike, instead of writing another row's label or outside the buffer.
 */
@ExtendWith(ArrowLeakCheck.class)
class ArrowCategoryCodesTest {
    @TempDir
    Path dir;

    /** Two record batches of 3 rows: x = row, label codes {0, 1, 2} then {2, bad, 0}; 3 classes. */
    private Path fileWithCode(int bad) throws IOException {
        Path f = dir.resolve("codes" + bad + ".arrow");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            write(bad, (root, dicts) -> new ArrowFileWriter(root, dicts, ch));
        }
        return f;
    }

    /** The same rows as an Arrow IPC stream. */
    private static byte[] streamWithCode(int bad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(bad, (root, dicts) -> new ArrowStreamWriter(root, dicts, out));
        return out.toByteArray();
    }

    private interface Writers {
        ArrowWriter open(VectorSchemaRoot root, DictionaryProvider dicts) throws IOException;
    }

    private static void write(int bad, Writers writers) throws IOException {
        DictionaryEncoding enc = new DictionaryEncoding(7, false, new ArrowType.Int(32, true));
        Field x = new Field("x", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null);
        Field y = new Field("y", new FieldType(true, new ArrowType.Int(32, true), enc, Map.of("bigdata.role", "label")), null);
        try (BufferAllocator alloc = Memory.newChild("write-codes");
             VarCharVector classes = new VarCharVector("classes", alloc);
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(x, y)), alloc)) {
            classes.allocateNew(3);
            for (int i = 0; i < 3; i++) {
                classes.set(i, ("class" + i).getBytes(StandardCharsets.UTF_8));
            }
            classes.setValueCount(3);
            DictionaryProvider.MapDictionaryProvider dicts = new DictionaryProvider.MapDictionaryProvider();
            dicts.put(new Dictionary(classes, enc));
            try (ArrowWriter w = writers.open(root, dicts)) {
                w.start();
                int[][] codes = {{0, 1, 2}, {2, bad, 0}};
                for (int b = 0; b < 2; b++) {
                    Float8Vector xv = (Float8Vector) root.getVector("x");
                    IntVector yv = (IntVector) root.getVector("y");
                    xv.allocateNew(3);
                    yv.allocateNew(3);
                    for (int i = 0; i < 3; i++) {
                        xv.set(i, 3 * b + i);
                        yv.set(i, codes[b][i]);
                    }
                    root.setRowCount(3);
                    w.writeBatch();
                }
                w.end();
            }
        }
    }

    @Test
    void outOfRangeCodesAreRefusedOnFirstVisitByFileBatchColumnRowAndCode() throws IOException {
        for (int bad : new int[] {3, 1_000_000, 1 << 28, -1_000_000, -1}) {
            Path f = fileWithCode(bad);
            String expected = f + ": record batch 1 (dataset rows from 3), column 'y', row 1: category code " + bad
                    + " is outside the column's 3 categories [0, 3)";
            try (Dataset d = Dataset.readArrow(f);
                 BatchIterator it = d.batches().features("x").label("y").batchSize(2).build()) {
                Batch first = it.next();
                assertThat(first.labels().getRow(1).toFloatVector()).containsExactly(0f, 1f, 0f);
                assertThatThrownBy(it::next).isInstanceOf(DataFormatException.class).hasMessage(expected);
                List<Object> labels = new ArrayList<>();
                assertThatThrownBy(() -> d.forEachRow(r -> labels.add(r.get("y"))))
                        .isInstanceOf(DataFormatException.class).hasMessage(expected);
                // the rows of the valid first batch were read before the damaged one was reached
                assertThat(labels).containsExactly("class0", "class1", "class2");
            }
            assertThat(Memory.allocatedBytes()).isZero();
        }
    }

    @Test
    void outOfRangeCodesInAStreamAreRefusedWhenRead() throws IOException {
        for (int bad : new int[] {3, -1_000_000}) {
            byte[] bytes = streamWithCode(bad);
            assertThatThrownBy(() -> Dataset.readArrowStream(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageEndingWith(": record batch 1, column 'y', row 1: category code " + bad
                            + " is outside the column's 3 categories [0, 3)");
        }
        try (Dataset d = Dataset.readArrowStream(new ByteArrayInputStream(streamWithCode(2)))) {
            assertThat(d.rowCount()).isEqualTo(6);
        }
    }

    @Test
    void validCodesReadAsTheirCategories() throws IOException {
        Path f = fileWithCode(1);
        try (Dataset d = Dataset.readArrow(f); BatchIterator it = d.batches().features("x").label("y").batchSize(6).build()) {
            List<Object> labels = new ArrayList<>();
            d.forEachRow(r -> labels.add(r.get("y")));
            assertThat(labels).containsExactly("class0", "class1", "class2", "class2", "class1", "class0");
            Batch b = it.next();
            assertThat(b.labels().argMax(1).toIntVector()).containsExactly(0, 1, 2, 2, 1, 0);
        }
    }
}
