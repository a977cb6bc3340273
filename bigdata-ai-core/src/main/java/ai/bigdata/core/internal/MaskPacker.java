package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * Writes the rows of a class mask column ({@link Column#isMask()}) as one-hot blocks, channels first:
 * element {@code j} of row {@code i} with class {@code k} sets float {@code i * classes * cells + k * cells + j}
 * of a zeroed block, so each row is a {@code [classes, ...maskShape]} tensor.
 */
public final class MaskPacker {
    private MaskPacker() {
    }

    /**
     * One-hot rows {@code rows[from + i]} (or {@code from + i} when {@code rows} is null) into the zeroed
     * block of {@code dstBytes} bytes at {@code dst}; {@code firstRow} is the global position of the
     * vector's row 0 (for the message).
     *
     * @throws IllegalStateException when an element is not a whole class id in {@code [0, classes)}
     * @throws IndexOutOfBoundsException when a row lies outside the vector or the run outside the block
     */
    public static void oneHot(Column col, FieldVector v, int[] rows, int from, int len, long dst, long dstBytes, long firstRow) {
        int classes = col.categories().size();
        long cells = col.width();
        long rowFloats = classes * cells;
        if (from < 0 || len < 0 || 4L * len * rowFloats > dstBytes) {
            throw new IndexOutOfBoundsException("run of " + len + " mask rows (" + rowFloats + " floats each) in a block of "
                    + dstBytes + " bytes");
        }
        FixedSizeListVector list = (FixedSizeListVector) v;
        FieldVector values = (FieldVector) list.getDataVector();
        long src = values.getDataBuffer().memoryAddress();
        long capacityRows = values.getDataBuffer().capacity() / (4L * cells);
        int one = Float.floatToRawIntBits(1f);
        for (int i = 0; i < len; i++) {
            int r = rows == null ? from + i : rows[from + i];
            if (r < 0 || r >= list.getValueCount() || r >= capacityRows) {
                throw new IndexOutOfBoundsException("row " + r + " of mask column '" + col.name() + "', which holds "
                        + list.getValueCount() + " rows");
            }
            long in = src + 4L * r * cells;
            long out = dst + 4L * i * rowFloats;
            for (long j = 0; j < cells; j++) {
                float f = Float.intBitsToFloat(MemoryUtil.getInt(in + 4L * j));
                int k = (int) f;
                if (k != f || k < 0 || k >= classes) {
                    throw new IllegalStateException("mask column '" + col.name() + "' holds " + f + " at element " + j + " of row "
                            + (firstRow + r) + "; a mask holds whole class ids in [0, " + classes + ")");
                }
                MemoryUtil.putInt(out + 4L * (k * cells + j), one);
            }
        }
    }
}
