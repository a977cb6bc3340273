package ai.bigdata.core.internal;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;

/** Small helpers for building output vectors. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Passes an input vector through to the output chunk unchanged: the output borrows it (no copy), and
     * the source that maps chunks keeps the input alive and never closes it.
     */
    public static FieldVector share(FieldVector v, BufferAllocator allocator) {
        return v;
    }

    /** The vectors of {@code output} that are not borrowed from {@code input} (by identity). */
    public static java.util.List<FieldVector> ownedBy(java.util.List<FieldVector> output, Chunk input) {
        java.util.List<FieldVector> owned = new java.util.ArrayList<>();
        for (FieldVector v : output) {
            boolean borrowed = false;
            for (FieldVector in : input.vectors()) {
                borrowed |= in == v;
            }
            if (!borrowed) {
                owned.add(v);
            }
        }
        return owned;
    }

    /**
     * A new float64 vector of {@code rows} present values whose memory is not cleared first (one write
     * pass less than {@link #float64}): the caller must write every one of the {@code rows} values.
     */
    public static Float8Vector float64AllPresent(String name, int rows, BufferAllocator allocator) {
        Float8Vector out = new Float8Vector(name, allocator);
        try (ArrowBuf validity = allocator.buffer(Math.max(1, (rows + 7) / 8));
                ArrowBuf data = allocator.buffer(Math.max(1, rows) * 8L)) {
            // a node without nulls: Arrow makes an all-valid validity buffer and keeps the data buffer as is
            out.loadFieldBuffers(new ArrowFieldNode(rows, 0), java.util.List.of(validity, data));
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** A new float64 vector of {@code rows} values (all null until set). */
    public static Float8Vector float64(String name, int rows, BufferAllocator allocator) {
        Float8Vector out = new Float8Vector(name, allocator);
        out.allocateNew(Math.max(rows, 1));
        out.setValueCount(rows);
        return out;
    }
}
