package ai.bigdata.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Copies the record batch a root holds into vectors of another allocator, whatever the root's allocator
 * (Arrow moves buffers only between allocators of one root): its buffers are copied byte for byte and
 * loaded into new vectors of the same schema. Used to parse untrusted input with collectable memory and
 * keep only what was read successfully.
 */
public final class RecordBatchCopy {
    private RecordBatchCopy() {
    }

    /** New vectors in {@code to} holding the batch {@code root} holds now; the caller owns (and closes) them. */
    public static List<FieldVector> of(VectorSchemaRoot root, BufferAllocator to) {
        try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
            List<ArrowBuf> copies = new ArrayList<>();
            try {
                for (ArrowBuf b : batch.getBuffers()) {
                    long n = b.readableBytes();
                    ArrowBuf c = to.buffer(n);
                    copies.add(c);
                    if (n > 0) {
                        MemoryUtil.copyMemory(b.memoryAddress() + b.readerIndex(), c.memoryAddress(), n);
                    }
                    c.writerIndex(n);
                }
                VectorSchemaRoot out = VectorSchemaRoot.create(root.getSchema(), to);
                try (ArrowRecordBatch copied = new ArrowRecordBatch(batch.getLength(), batch.getNodes(), copies)) {
                    new VectorLoader(out).load(copied);
                } catch (RuntimeException e) {
                    out.close();
                    throw e;
                }
                // the vectors now hold their own references to the copies; the root is only a container
                return new ArrayList<>(out.getFieldVectors());
            } finally {
                copies.forEach(ArrowBuf::close);
            }
        }
    }
}
