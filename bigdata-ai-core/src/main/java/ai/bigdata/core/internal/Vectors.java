package ai.bigdata.core.internal;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.util.TransferPair;

/** Small helpers for building output vectors. */
public final class Vectors {
    private Vectors() {
    }

    /** A new vector sharing {@code v}'s buffers (reference counted, no copy), owned by {@code allocator}. */
    public static FieldVector share(FieldVector v, BufferAllocator allocator) {
        TransferPair tp = v.getTransferPair(allocator);
        tp.splitAndTransfer(0, v.getValueCount());
        return (FieldVector) tp.getTo();
    }

    /** A new float64 vector of {@code rows} values (all null until set). */
    public static Float8Vector float64(String name, int rows, BufferAllocator allocator) {
        Float8Vector out = new Float8Vector(name, allocator);
        out.allocateNew(Math.max(rows, 1));
        out.setValueCount(rows);
        return out;
    }
}
