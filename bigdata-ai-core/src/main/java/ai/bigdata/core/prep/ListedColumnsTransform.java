package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Chunk;
import java.util.List;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;

/**
 * A fitted step that replaces each listed column by one or more new vectors, chunk by chunk, and
 * passes every other column through without a copy. Subclasses say how one listed column maps.
 */
abstract class ListedColumnsTransform implements Transform {
    final List<String> columns;

    ListedColumnsTransform(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Appends to {@code out} the vectors that replace listed column {@code i} in one chunk of
     * {@code rows} rows (or {@code in} itself, to keep it unchanged).
     */
    abstract void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc,
                            List<FieldVector> out);

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        return Datasets.mapChunks(data, out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                int i = columns.indexOf(in.column(c).name());
                if (i < 0) {
                    vs.add(chunk.vector(c));
                } else {
                    mapColumn(i, in.column(c), chunk.vector(c), chunk.rowCount(), firstRow, alloc, vs);
                }
            }
            vs.addAll(extraVectors(in, chunk, alloc));
        });
    }

    /** The vectors of columns appended after the input's, for one input chunk (none by default). */
    List<FieldVector> extraVectors(Schema input, Chunk chunk, BufferAllocator allocator) {
        return List.of();
    }

    /** Fails, naming the column, unless every listed column exists with an accepted type. */
    void requireColumns(Schema input, Predicate<ColumnType> accepted, String step, String need) {
        for (String c : columns) {
            if (!input.contains(c) || !accepted.test(input.column(c).type())) {
                throw new PreprocessingException(c, step + " needs " + need + " column; the data has "
                        + (input.contains(c) ? input.column(c).type().toString() : "no such column"));
            }
        }
    }

    /** Fails, naming the column and the first missing row, when {@code v} has nulls. */
    void requireNoNulls(int i, FieldVector v, int rows, long firstRow, String step) {
        if (v.getNullCount() == 0) {
            return;
        }
        for (int row = 0; row < rows; row++) {
            if (v.isNull(row)) {
                throw new PreprocessingException(columns.get(i), "row " + (firstRow + row) + " is missing; impute it before "
                        + step);
            }
        }
    }

    /** A new int32 vector of {@code rows} values (null until set), appended to {@code out}. */
    static IntVector newInt(String name, int rows, BufferAllocator alloc, List<FieldVector> out) {
        IntVector o = new IntVector(name, alloc);
        out.add(o);
        o.allocateNew(Math.max(rows, 1));
        o.setValueCount(rows);
        return o;
    }

    /**
     * New float32 0/1 columns, one per name, appended to {@code out}: all rows present and 0; the
     * caller puts the ones with {@link #setOne}. Returns each column's data address.
     */
    static long[] newIndicatorColumns(List<String> names, int rows, BufferAllocator alloc, List<FieldVector> out) {
        long[] address = new long[names.size()];
        for (int k = 0; k < names.size(); k++) {
            Float4Vector slot = new Float4Vector(names.get(k), alloc);
            out.add(slot);
            slot.allocateNew(Math.max(rows, 1));
            MemoryUtil.setMemory(slot.getValidityBuffer().memoryAddress(), (rows + 7) / 8, (byte) -1);
            slot.setValueCount(rows);
            address[k] = slot.getDataBuffer().memoryAddress();
        }
        return address;
    }

    private static final int ONE = Float.floatToRawIntBits(1f);

    /** Writes 1 into row {@code row} of an indicator column made by {@link #newIndicatorColumns}. */
    static void setOne(long address, int row) {
        MemoryUtil.putInt(address + 4L * row, ONE);
    }
}
