package ai.bigdata.core.internal;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place that turns Arrow memory into ND4J arrays without a copy (CPU backend). The array
 * borrows the Arrow memory: ND4J marks such buffers as not owned and never frees them, and the caller
 * must not use the array after the Arrow buffer is released.
 */
public final class ArrowNd4j {
    private ArrowNd4j() {
    }

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("the Arrow to ND4J bridge needs a little-endian CPU");
        }
    }

    /** A float32 array of {@code shape} over {@code count} floats of {@code buf}, starting at float {@code first}. */
    public static INDArray wrapFloats(ArrowBuf buf, long first, long count, long[] shape) {
        if (first < 0 || count < 0 || first > buf.capacity() / 4 || count > buf.capacity() / 4 - first) {
            throw new IndexOutOfBoundsException("floats " + first + ".." + (first + count) + " of a buffer of "
                    + buf.capacity() + " bytes");
        }
        if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + count + " floats");
        }
        long bytes = count * 4;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot wrap more than 2 GiB in one array; use smaller chunks");
        }
        if (first < 0 || count < 0 || first * 4 + bytes > buf.capacity()) {
            throw new IndexOutOfBoundsException("floats [" + first + ", " + (first + count) + ") outside a buffer of " + buf.capacity() + " bytes");
        }
        return Nd4j.create(wrapAddress(buf.memoryAddress() + first * 4, count), shape);
    }

    /**
     * A float32 data buffer over {@code count} floats at a native address (no size limit, no copy).
     * The caller keeps the memory alive while the buffer is in use.
     */
    public static DataBuffer wrapAddress(long nativeAddress, long count) {
        if (nativeAddress == 0) {
            throw new IllegalArgumentException("cannot wrap a null address");
        }
        if (count < 0) {
            throw new IllegalArgumentException("cannot wrap " + count + " floats");
        }
        // the parameter is not named "address": inside the subclass that name is Pointer's own field
        FloatPointer p = new FloatPointer() {
            {
                this.address = nativeAddress;
                this.position = 0;
                this.limit = count;
                this.capacity = count;
            }
        };
        return Nd4j.createBuffer(p, DataType.FLOAT, count, FloatIndexer.create(p));
    }

    /**
     * A row-major view of {@code shape} over {@code buffer}, starting at element {@code offset}. O(1).
     *
     * @throws IndexOutOfBoundsException when the view would reach outside the buffer
     */
    public static INDArray view(DataBuffer buffer, long offset, long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            stride[i] = s;
            s = Math.multiplyExact(s, shape[i]);
        }
        if (offset < 0 || offset > buffer.length() || s > buffer.length() - offset) {
            throw new IndexOutOfBoundsException("a view of " + s + " elements at " + offset + " lies outside a buffer of "
                    + buffer.length());
        }
        return Nd4j.create(buffer, shape, stride, offset, 'c');
    }

    /** The native address of an array's first element (for bulk copies into it). */
    public static long address(INDArray a) {
        return a.data().address() + a.offset() * a.dataType().width();
    }
}
