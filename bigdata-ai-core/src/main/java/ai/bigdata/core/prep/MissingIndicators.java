package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** The boolean {@code <column>_missing} columns that imputers add when asked to. */
final class MissingIndicators {
    private MissingIndicators() {
    }

    /** One boolean column per imputed column. */
    static List<Column> columns(List<String> imputed) {
        List<Column> out = new ArrayList<>();
        for (String c : imputed) {
            out.add(Column.of(c + "_missing", ColumnType.BOOLEAN));
        }
        return out;
    }

    /** The indicator vectors of one input chunk (true where the input is null). */
    static List<FieldVector> vectors(List<String> imputed, Schema input, Chunk chunk, BufferAllocator allocator) {
        List<FieldVector> out = new ArrayList<>();
        for (String c : imputed) {
            FieldVector v = chunk.vector(input.indexOf(c));
            BitVector missing = new BitVector(c + "_missing", allocator);
            out.add(missing);
            missing.allocateNew(Math.max(chunk.rowCount(), 1));
            for (int row = 0; row < chunk.rowCount(); row++) {
                missing.set(row, v.isNull(row) ? 1 : 0);
            }
            missing.setValueCount(chunk.rowCount());
        }
        return out;
    }
}
