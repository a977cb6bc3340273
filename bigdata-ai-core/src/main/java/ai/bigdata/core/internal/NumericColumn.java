package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads a numeric column of a chunk into a reused {@code double[]} in one typed bulk loop, so that
 * statistics and transforms run tight loops over primitives instead of one virtual call per cell.
 */
public final class NumericColumn {
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    private NumericColumn() {
    }

    /** A per-thread buffer of at least {@code rows} doubles, reused across chunks so bulk loops allocate nothing. */
    public static double[] scratch(int rows) {
        double[] x = SCRATCH.get();
        if (x.length < rows) {
            x = new double[rows];
            SCRATCH.set(x);
        }
        return x;
    }

    /**
     * Copies the chunk's values as doubles into {@code out} (length at least {@code rows}); null cells
     * get an undefined value, so callers check {@link FieldVector#getNullCount()} first.
     */
    public static void read(Column col, FieldVector v, int rows, double[] out) {
        switch (col.type()) {
            case FLOAT64:
                NativeMemory.copyToArray(doubles(v.getDataBuffer(), rows), out, rows);
                return;
            case FLOAT32: {
                long a = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < rows; i++) {
                    out[i] = Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * i));
                }
                return;
            }
            case INT32: {
                long a = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < rows; i++) {
                    out[i] = MemoryUtil.getInt(a + 4L * i);
                }
                return;
            }
            case INT64:
            case TIMESTAMP: {
                long a = v.getDataBuffer().memoryAddress();
                for (int i = 0; i < rows; i++) {
                    out[i] = MemoryUtil.getLong(a + 8L * i);
                }
                return;
            }
            default:
                for (int i = 0; i < rows; i++) {
                    out[i] = v.isNull(i) ? 0 : Cells.asDouble(col, v, i);
                }
        }
    }

    /**
     * The address of the first of {@code rows} float64 values of an Arrow buffer, for bulk copies at
     * memcpy speed, after checking that they lie inside the buffer (no java.nio view: see {@link NioAccess}).
     */
    private static long doubles(org.apache.arrow.memory.ArrowBuf buf, int rows) {
        long bytes = 8L * rows;
        if (rows < 0 || bytes > buf.capacity()) {
            throw new IndexOutOfBoundsException(rows + " float64 values do not fit a buffer of " + buf.capacity() + " bytes");
        }
        return buf.memoryAddress();
    }

    /** Writes {@code values} into a float64 vector's memory and marks all {@code rows} present. */
    public static void writeAllPresent(org.apache.arrow.vector.Float8Vector o, double[] values, int rows) {
        NativeMemory.copyFromArray(values, rows, doubles(o.getDataBuffer(), rows));
        MemoryUtil.setMemory(o.getValidityBuffer().memoryAddress(), (rows + 7) / 8, (byte) -1);
    }
}
