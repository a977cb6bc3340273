package ai.bigdata.core.internal;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Computes the vectors of an output chunk from an input chunk; the caller owns what it returns. */
@FunctionalInterface
public interface ChunkMapper {
    /**
     * The output vectors, in the output schema's order, allocated from {@code allocator};
     * {@code firstRow} is the global position of the chunk's first row (for error messages).
     */
    List<FieldVector> map(Chunk input, long firstRow, BufferAllocator allocator);
}
