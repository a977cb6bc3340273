package ai.bigdata.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow files as other tools write them, with the plain Arrow API: the library's own readers and
 * builders refuse non-finite numbers, so data holding infinities can only come from such files.
 */
public final class ForeignArrowFiles {
    private ForeignArrowFiles() {
    }

    /** Writes one nullable float64 column in record batches of {@code batchRows} rows; returns {@code file}. */
    public static Path float64Column(Path file, String name, int batchRows, Double... values) {
        Field x = new Field(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null);
        try (RootAllocator alloc = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(x)), alloc);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            w.start();
            Float8Vector v = (Float8Vector) root.getVector(0);
            for (int from = 0; from < values.length; from += batchRows) {
                int n = Math.min(batchRows, values.length - from);
                v.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    if (values[from + i] == null) {
                        v.setNull(i);
                    } else {
                        v.set(i, values[from + i]);
                    }
                }
                root.setRowCount(n);
                w.writeBatch();
            }
            w.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
