package ai.bigdata.core.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reusable heap copy of a {@code [rows, width]} ND4J array (any further dimensions are flattened into
 * the width), read in one bulk copy from native memory: a row-major or column-major dense array is read
 * as it lies, anything else is first made dense by ND4J. Values are then read with
 * {@link #get(int, int)}, a plain array access. Not thread-safe; one instance per reading loop.
 */
public final class FloatRows {
    private float[] values = new float[0];
    private int rows;
    private int width;
    private int rowStride;
    private int colStride;

    /**
     * Copies {@code array} (float32; other types are converted) and returns this.
     *
     * @throws IllegalArgumentException when the array holds more than {@code Integer.MAX_VALUE} values
     */
    public FloatRows read(INDArray array) {
        INDArray a = array.dataType() == DataType.FLOAT ? array : array.castTo(DataType.FLOAT);
        if (a.rank() != 2) {
            a = a.reshape(a.size(0), a.rank() == 1 ? 1 : -1);
        }
        long r = a.size(0);
        long w = a.size(1);
        long n = r * w;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot read " + r + " x " + w + " values into one Java array; use smaller batches");
        }
        long s0 = r == 1 ? 0 : a.stride(0);
        long s1 = w == 1 ? 0 : a.stride(1);
        if (!dense(r, w, s0, s1)) {
            a = a.dup('c');
            s0 = r == 1 ? 0 : w;
            s1 = w == 1 ? 0 : 1;
        }
        rows = (int) r;
        width = (int) w;
        rowStride = (int) s0;
        colStride = (int) s1;
        if (values.length < n) {
            values = new float[(int) Math.max(n, Math.min(Integer.MAX_VALUE - 8, values.length * 2L))];
        }
        if (n > 0) {
            // not named "address": inside the subclass that name is Pointer's own field
            long from = ArrowNd4j.address(a);
            FloatPointer p = new FloatPointer() {
                {
                    this.address = from;
                    this.position = 0;
                    this.limit = n;
                    this.capacity = n;
                }
            };
            p.get(values, 0, (int) n);
        }
        return this;
    }

    /** Whether the strides lay the values out densely, row- or column-major, with no gaps and no overlap. */
    private static boolean dense(long r, long w, long s0, long s1) {
        boolean rowMajor = (r == 1 || s0 == w) && (w == 1 || s1 == 1);
        boolean columnMajor = (r == 1 || s0 == 1) && (w == 1 || s1 == r);
        return rowMajor || columnMajor;
    }

    /** Rows of the last array read. */
    public int rows() {
        return rows;
    }

    /** Values per row of the last array read. */
    public int width() {
        return width;
    }

    /** The value at row {@code r}, column {@code c} of the last array read. */
    public float get(int r, int c) {
        return values[r * rowStride + c * colStride];
    }
}
