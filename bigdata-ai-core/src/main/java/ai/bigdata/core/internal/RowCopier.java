package ai.bigdata.core.internal;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/** Copies chosen rows of a vector into another vector of the same type, appending from row 0. */
public final class RowCopier {
    private RowCopier() {
    }

    /** Copies {@code rows} of {@code src}, in order, into {@code dst} (which must be empty). */
    public static void copy(FieldVector src, int[] rows, FieldVector dst) {
        int n = rows.length;
        if (src instanceof FixedSizeListVector) {
            copyTensor((FixedSizeListVector) src, rows, (FixedSizeListVector) dst);
        } else if (src instanceof BaseFixedWidthVector && !(src instanceof BitVector)) {
            copyFixed((BaseFixedWidthVector) src, rows, (BaseFixedWidthVector) dst);
        } else {
            for (int i = 0; i < n; i++) {
                dst.copyFromSafe(rows[i], i, src);
            }
        }
        dst.setValueCount(n);
    }

    private static void copyFixed(BaseFixedWidthVector src, int[] rows, BaseFixedWidthVector dst) {
        int n = rows.length;
        int width = src.getTypeWidth();
        dst.allocateNew(Math.max(n, 1));
        long from = src.getDataBuffer().memoryAddress();
        long to = dst.getDataBuffer().memoryAddress();
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            MemoryUtil.copyMemory(from + (long) r * width, to + (long) i * width, width);
            if (!src.isNull(r)) {
                BitVectorHelper.setBit(dst.getValidityBuffer(), i);
            }
        }
    }

    private static void copyTensor(FixedSizeListVector src, int[] rows, FixedSizeListVector dst) {
        int n = rows.length;
        int width = src.getListSize();
        BaseFixedWidthVector srcValues = (BaseFixedWidthVector) src.getDataVector();
        BaseFixedWidthVector dstValues = (BaseFixedWidthVector) dst.getDataVector();
        dst.setInitialCapacity(Math.max(n, 1));
        dst.allocateNew();
        dstValues.allocateNew(Math.max(n * width, 1));
        long bytes = (long) width * srcValues.getTypeWidth();
        long from = srcValues.getDataBuffer().memoryAddress();
        long to = dstValues.getDataBuffer().memoryAddress();
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            MemoryUtil.copyMemory(from + r * bytes, to + i * bytes, bytes);
            if (!src.isNull(r)) {
                BitVectorHelper.setBit(dst.getValidityBuffer(), i);
            }
        }
        MemoryUtil.setMemory(dstValues.getValidityBuffer().memoryAddress(), ((long) n * width + 7) / 8, (byte) -1);
        dstValues.setValueCount(n * width);
    }
}
