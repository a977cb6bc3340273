package ai.bigdata.core.internal;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between a contiguous float32 ND4J array (or view) and a Java {@code float[]}, through a
 * {@code java.nio} view of the array's native memory: one copy at memory speed instead of one native
 * call per element. Every copy checks the dtype, the contiguity and both lengths first, so nothing is
 * read or written outside the array's own elements.
 */
public final class NdFloats {
    private NdFloats() {
    }

    /** Copies the first {@code n} elements of {@code a} (in its memory order) into {@code dst}. */
    public static void read(INDArray a, float[] dst, int n) {
        floats(a, n, dst.length).get((int) a.offset(), dst, 0, n);
    }

    /** Copies {@code n} values of {@code src} into the first {@code n} elements of {@code a} (in its memory order). */
    public static void write(float[] src, INDArray a, int n) {
        floats(a, n, src.length).put((int) a.offset(), src, 0, n);
    }

    private static FloatBuffer floats(INDArray a, int n, int javaLength) {
        if (a.dataType() != DataType.FLOAT || (a.length() > 1 && a.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("expected a contiguous float32 array, got " + a.dataType() + " with element stride "
                    + a.elementWiseStride());
        }
        if (n < 0 || n > a.length() || n > javaLength) {
            throw new IndexOutOfBoundsException("copy of " + n + " values between an array of " + a.length()
                    + " elements and a Java array of " + javaLength);
        }
        FloatBuffer all = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (a.offset() + n > all.capacity()) {
            throw new IndexOutOfBoundsException("array view at offset " + a.offset() + " with " + n
                    + " values runs past its buffer of " + all.capacity());
        }
        return all;
    }
}
