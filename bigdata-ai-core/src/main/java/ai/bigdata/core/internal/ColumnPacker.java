package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * Copies the rows of one column into a row-major float32 block: row {@code i} of the run goes to
 * {@code dst + 4 * (i * stride + offset)}. Typed tight loops over raw memory, no boxing. Before any
 * native access the run is checked: rows inside the vector, the whole write inside the block (long
 * arithmetic), category codes inside the one-hot width.
 */
public final class ColumnPacker {
    private ColumnPacker() {
    }

    /**
     * Packs {@code len} rows into a block the caller sized for them (as {@link #pack(Column, FieldVector,
     * int[], int, int, long, long, int, int)} with exactly the bytes the run writes).
     */
    public static void pack(Column col, FieldVector v, int[] rows, int from, int len, long dst, int stride, int offset) {
        long end = len == 0 ? 0 : 4L * (offset + (long) (len - 1) * stride + col.width());
        pack(col, v, rows, from, len, dst, end, stride, offset);
    }

    /**
     * Packs {@code len} rows: {@code rows[from + i]}, or {@code from + i} when {@code rows} is null, into
     * the block of {@code dstBytes} bytes at {@code dst}. {@code stride} and {@code offset} are in floats.
     *
     * @throws IndexOutOfBoundsException when a row lies outside the vector or the run outside the block
     */
    public static void pack(Column col, FieldVector v, int[] rows, int from, int len, long dst, long dstBytes,
                            int stride, int offset) {
        checkRun(v, rows, from, len);
        checkBlock(col.width(), len, dstBytes, stride, offset);
        long out = dst + 4L * offset;
        long rowBytes = 4L * stride;
        switch (col.type()) {
            case FLOAT32: {
                long src = v.getDataBuffer().memoryAddress();
                if (rows == null && stride == 1) {
                    MemoryUtil.copyMemory(src + 4L * from, out, 4L * len);
                    return;
                }
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    MemoryUtil.putInt(out + i * rowBytes, MemoryUtil.getInt(src + 4L * r));
                }
                return;
            }
            case FLOAT64: {
                long src = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    float f = (float) Double.longBitsToDouble(MemoryUtil.getLong(src + 8L * r));
                    MemoryUtil.putInt(out + i * rowBytes, Float.floatToRawIntBits(f));
                }
                return;
            }
            case INT32: {
                long src = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    MemoryUtil.putInt(out + i * rowBytes, Float.floatToRawIntBits(MemoryUtil.getInt(src + 4L * r)));
                }
                return;
            }
            case INT64:
            case TIMESTAMP: {
                long src = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    MemoryUtil.putInt(out + i * rowBytes, Float.floatToRawIntBits(MemoryUtil.getLong(src + 8L * r)));
                }
                return;
            }
            case BOOLEAN: {
                BitVector b = (BitVector) v;
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    MemoryUtil.putInt(out + i * rowBytes, Float.floatToRawIntBits(b.get(r)));
                }
                return;
            }
            case TENSOR: {
                FixedSizeListVector l = (FixedSizeListVector) v;
                if (l.getListSize() != col.width()
                        || l.getDataVector().getDataBuffer().capacity() < 4L * l.getListSize() * l.getValueCount()) {
                    throw new IndexOutOfBoundsException("tensor column '" + col.name() + "' has lists of " + l.getListSize()
                            + " floats and " + l.getDataVector().getDataBuffer().capacity() + " bytes of values for "
                            + l.getValueCount() + " rows; its shape needs " + col.width() + " floats a row");
                }
                long src = l.getDataVector().getDataBuffer().memoryAddress();
                long w = 4L * l.getListSize();
                if (rows == null && w == rowBytes) {
                    MemoryUtil.copyMemory(src + w * from, out, w * len);
                    return;
                }
                for (int i = 0; i < len; i++) {
                    int r = rows == null ? from + i : rows[from + i];
                    MemoryUtil.copyMemory(src + w * r, out + i * rowBytes, w);
                }
                return;
            }
            case SPARSE:
                SparseEntries.densify(col, (org.apache.arrow.vector.complex.ListVector) v, rows, from, len, out, rowBytes);
                return;
            default:
                throw new IllegalArgumentException("column '" + col.name() + "' of type " + col.type()
                        + " cannot be packed into a float matrix; encode it first");
        }
    }

    /**
     * Writes one-hot rows of a categorical column into the zeroed block of {@code dstBytes} bytes at
     * {@code dst}; width = number of categories. {@code firstRow} is the global position of the vector's
     * row 0 (for the message).
     *
     * @throws IllegalStateException when a code lies outside {@code [0, classes)}: nothing is written for it
     * @throws IndexOutOfBoundsException when a row lies outside the vector or the run outside the block
     */
    public static void oneHot(FieldVector codes, int[] rows, int from, int len, long dst, long dstBytes, int classes,
                              long firstRow) {
        checkRun(codes, rows, from, len);
        checkBlock(classes, len, dstBytes, classes, 0);
        long src = codes.getDataBuffer().memoryAddress();
        for (int i = 0; i < len; i++) {
            int r = rows == null ? from + i : rows[from + i];
            int code = MemoryUtil.getInt(src + 4L * r);
            if (code < 0 || code >= classes) {
                throw new IllegalStateException("column '" + codes.getName() + "' holds category code " + code
                        + " in row " + (firstRow + r) + ", outside its " + classes + " categories [0, " + classes + ")");
            }
            MemoryUtil.putInt(dst + 4L * ((long) i * classes + code), Float.floatToRawIntBits(1f));
        }
    }

    /** Rows {@code from .. from + len} (of {@code rows}, or positions) must be rows of {@code v}. */
    private static void checkRun(FieldVector v, int[] rows, int from, int len) {
        int count = v.getValueCount();
        if (v instanceof BaseFixedWidthVector && !(v instanceof BitVector)
                && v.getDataBuffer().capacity() < (long) count * ((BaseFixedWidthVector) v).getTypeWidth()) {
            throw new IndexOutOfBoundsException("column '" + v.getName() + "' claims " + count + " values but its buffer holds "
                    + v.getDataBuffer().capacity() + " bytes");
        }
        if (from < 0 || len < 0) {
            throw new IndexOutOfBoundsException("run of " + len + " rows from " + from + " of column '" + v.getName() + "'");
        }
        if (rows == null) {
            if ((long) from + len > count) {
                throw new IndexOutOfBoundsException("rows " + from + ".." + ((long) from + len) + " of column '"
                        + v.getName() + "', which holds " + count + " values");
            }
            return;
        }
        if ((long) from + len > rows.length) {
            throw new IndexOutOfBoundsException("run " + from + ".." + ((long) from + len) + " past " + rows.length + " chosen rows");
        }
        for (int i = from; i < from + len; i++) {
            if (rows[i] < 0 || rows[i] >= count) {
                throw new IndexOutOfBoundsException("row " + rows[i] + " of column '" + v.getName() + "', which holds "
                        + count + " values");
            }
        }
    }

    /** Rows of {@code width} floats at {@code offset + i * stride} for {@code i < len} must fit in {@code bytes}. */
    private static void checkBlock(int width, int len, long bytes, int stride, int offset) {
        if (len == 0) {
            return;
        }
        if (offset < 0 || stride < 0) {
            throw new IndexOutOfBoundsException("negative offset " + offset + " or stride " + stride);
        }
        long end = 4L * (offset + (long) (len - 1) * stride + width);
        if (end > bytes) {
            throw new IndexOutOfBoundsException("packing " + len + " rows of " + width + " floats (stride " + stride
                    + ", offset " + offset + ") needs " + end + " bytes; the block holds " + bytes);
        }
    }
}
