package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * Copies the rows of one column into a row-major float32 block: row {@code i} of the run goes to
 * {@code dst + 4 * (i * stride + offset)}. Typed tight loops over raw memory; no boxing, no bounds
 * checks beyond the caller's.
 */
public final class ColumnPacker {
    private ColumnPacker() {
    }

    /**
     * Packs {@code len} rows: {@code rows[from + i]}, or {@code from + i} when {@code rows} is null.
     * {@code stride} and {@code offset} are in floats.
     */
    public static void pack(Column col, FieldVector v, int[] rows, int from, int len, long dst, int stride, int offset) {
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
            default:
                throw new IllegalArgumentException("column '" + col.name() + "' of type " + col.type()
                        + " cannot be packed into a float matrix; encode it first");
        }
    }

    /** Writes one-hot rows of a categorical column: the block must be zeroed; width = number of categories. */
    public static void oneHot(FieldVector codes, int[] rows, int from, int len, long dst, int classes) {
        long src = codes.getDataBuffer().memoryAddress();
        for (int i = 0; i < len; i++) {
            int r = rows == null ? from + i : rows[from + i];
            int code = MemoryUtil.getInt(src + 4L * r);
            MemoryUtil.putInt(dst + 4L * ((long) i * classes + code), Float.floatToRawIntBits(1f));
        }
    }
}
