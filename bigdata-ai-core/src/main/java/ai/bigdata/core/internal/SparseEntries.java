package ai.bigdata.core.internal;

import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads and writes the cells of a sparse column: a {@code ListVector} of {@code Struct<index, value>}
 * entries (see {@link ArrowColumns}). Writes go through Arrow's growing setters, so no write can pass a
 * buffer's end; every cell is checked before anything is written.
 */
public final class SparseEntries {
    private SparseEntries() {
    }

    /** Allocates a chunk of {@code rows} cells with room for a few entries each (it grows as needed). */
    static void allocate(ListVector v, int rows) {
        v.setInitialCapacity(rows, 4.0);
        v.allocateNew();
    }

    static StructVector entries(ListVector v) {
        return (StructVector) v.getDataVector();
    }

    /** The index child of a sparse column's entries. */
    public static IntVector indices(ListVector v) {
        return (IntVector) entries(v).getChild(ArrowColumns.SPARSE_INDEX);
    }

    /** The value child of a sparse column's entries. */
    public static Float4Vector values(ListVector v) {
        return (Float4Vector) entries(v).getChild(ArrowColumns.SPARSE_VALUE);
    }

    /** Writes cell {@code row}: checked first (lengths, range, order, finiteness), then stored. */
    static void append(ListVector v, int row, int dimension, int[] indices, float[] values) {
        String bad = ai.bigdata.core.data.SparseVector.problem(dimension, indices, values);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        StructVector entries = entries(v);
        IntVector idx = indices(v);
        Float4Vector val = values(v);
        int start = v.startNewValue(row);
        for (int i = 0; i < indices.length; i++) {
            entries.setIndexDefined(start + i);
            idx.setSafe(start + i, indices[i]);
            val.setSafe(start + i, values[i]);
        }
        v.endValue(row, indices.length);
    }

    /** The first problem of cell {@code row} (an index out of range or out of order, a null or non-finite entry), or null. */
    public static String problem(ListVector v, int row, int dimension) {
        if (v.isNull(row)) {
            return null;
        }
        int start = v.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
        int end = v.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
        StructVector entries = entries(v);
        IntVector idx = indices(v);
        Float4Vector val = values(v);
        for (int e = start; e < end; e++) {
            if (entries.isNull(e) || idx.isNull(e) || val.isNull(e)) {
                return "sparse entry " + (e - start) + " is missing";
            }
            int i = idx.get(e);
            if (i < 0 || i >= dimension) {
                return "sparse entry " + (e - start) + " has index " + i + ", outside [0, " + dimension + ")";
            }
            if (e > start && i <= idx.get(e - 1)) {
                return "sparse entry " + (e - start) + " has index " + i + ", not above the previous " + idx.get(e - 1);
            }
            if (!Float.isFinite(val.get(e))) {
                return "sparse entry " + (e - start) + " (index " + i + ") is " + val.get(e);
            }
        }
        return null;
    }

    /**
     * Writes rows of a sparse column as dense float32 rows: row {@code i} of the run (vector row
     * {@code rows[from + i]}, or {@code from + i}) becomes {@code col.width()} floats at
     * {@code out + i * rowBytes}, zeros where no entry is stored. The caller has checked that the block
     * holds the run; each entry's index is checked against the width before it is written.
     */
    static void densify(ai.bigdata.core.data.Column col, ListVector v, int[] rows, int from, int len, long out, long rowBytes) {
        int width = col.width();
        IntVector idx = indices(v);
        Float4Vector val = values(v);
        long idxAddr = idx.getDataBuffer().memoryAddress();
        long valAddr = val.getDataBuffer().memoryAddress();
        long entryCapacity = Math.min(idx.getDataBuffer().capacity(), val.getDataBuffer().capacity()) / 4;
        for (int i = 0; i < len; i++) {
            int r = rows == null ? from + i : rows[from + i];
            long dst = out + i * rowBytes;
            org.apache.arrow.memory.util.MemoryUtil.setMemory(dst, 4L * width, (byte) 0);
            if (v.isNull(r)) {
                throw new IllegalStateException("sparse column '" + col.name() + "' is null in row " + r
                        + " of its chunk; impute or filter missing values before batching");
            }
            int start = v.getOffsetBuffer().getInt((long) r * ListVector.OFFSET_WIDTH);
            int end = v.getOffsetBuffer().getInt((long) (r + 1) * ListVector.OFFSET_WIDTH);
            if (start < 0 || end < start || end > entryCapacity) {
                throw new IndexOutOfBoundsException("sparse column '" + col.name() + "': row " + r + " claims entries "
                        + start + ".." + end + " of " + entryCapacity);
            }
            for (int e = start; e < end; e++) {
                int at = org.apache.arrow.memory.util.MemoryUtil.getInt(idxAddr + 4L * e);
                if (at < 0 || at >= width) {
                    throw new IndexOutOfBoundsException("sparse column '" + col.name() + "': row " + r + " has index " + at
                            + ", outside [0, " + width + ")");
                }
                org.apache.arrow.memory.util.MemoryUtil.putInt(dst + 4L * at, org.apache.arrow.memory.util.MemoryUtil.getInt(valAddr + 4L * e));
            }
        }
    }

    /** Cell {@code row} (present) as a {@link ai.bigdata.core.data.SparseVector}. */
    static ai.bigdata.core.data.SparseVector cell(ai.bigdata.core.data.Column col, ListVector v, int row) {
        int start = v.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
        int end = v.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
        IntVector idx = indices(v);
        Float4Vector val = values(v);
        int[] at = new int[end - start];
        float[] x = new float[end - start];
        for (int e = start; e < end; e++) {
            at[e - start] = idx.get(e);
            x[e - start] = val.get(e);
        }
        return new ai.bigdata.core.data.SparseVector(col.width(), at, x);
    }
}
