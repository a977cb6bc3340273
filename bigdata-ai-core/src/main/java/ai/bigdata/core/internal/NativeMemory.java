package ai.bigdata.core.internal;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * Bulk copies between native memory and {@code double[]}, and the address of a direct buffer, with
 * {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, open to every class): no {@code java.nio}
 * view of Arrow memory, so none of this needs {@code --add-opens}.
 */
public final class NativeMemory {
    private static final sun.misc.Unsafe UNSAFE;
    private static final long DOUBLE_BASE;
    private static final long BUFFER_ADDRESS;
    /** Copies in slices of 1 MiB so that a large copy does not hold off a safepoint for long. */
    private static final long SLICE = 1L << 20;

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) f.get(null);
            DOUBLE_BASE = UNSAFE.arrayBaseOffset(double[].class);
            if (UNSAFE.arrayIndexScale(double[].class) != 8) {
                throw new ExceptionInInitializerError("unexpected double[] layout");
            }
            // reading the field's offset needs no access check (only Field.get would)
            BUFFER_ADDRESS = UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NativeMemory() {
    }

    /** Copies {@code count} doubles from native {@code address} into {@code out[0..count)}. */
    public static void copyToArray(long address, double[] out, int count) {
        checkArray(out.length, count);
        copy(null, address, out, DOUBLE_BASE, 8L * count);
    }

    /** Copies {@code values[0..count)} to native {@code address}. */
    public static void copyFromArray(double[] values, int count, long address) {
        checkArray(values.length, count);
        copy(values, DOUBLE_BASE, null, address, 8L * count);
    }

    /** The native address of a direct buffer's first byte (its position is ignored). */
    public static long address(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return UNSAFE.getLong(direct, BUFFER_ADDRESS);
    }

    private static void checkArray(int length, int count) {
        if (count < 0 || count > length) {
            throw new IndexOutOfBoundsException("copy of " + count + " doubles into an array of " + length);
        }
    }

    private static void copy(Object srcBase, long srcOffset, Object dstBase, long dstOffset, long bytes) {
        for (long done = 0; done < bytes; done += SLICE) {
            long n = Math.min(SLICE, bytes - done);
            UNSAFE.copyMemory(srcBase, srcOffset + done, dstBase, dstOffset + done, n);
        }
    }
}
