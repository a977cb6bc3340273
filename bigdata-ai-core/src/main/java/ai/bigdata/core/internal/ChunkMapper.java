package ai.bigdata.core.internal;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes the vectors of an output chunk from an input chunk. The mapper appends each vector to
 * {@code out} as soon as it exists (new ones from {@code allocator}, or input vectors passed through),
 * so that the caller can free them if the mapper fails part way.
 */
@FunctionalInterface
public interface ChunkMapper {
    /**
     * Appends the output vectors, in the output schema's order; {@code firstRow} is the global position
     * of the chunk's first row (for error messages).
     */
    void map(Chunk input, long firstRow, BufferAllocator allocator, List<FieldVector> out);

    /**
     * Whether chunks may be mapped on several threads at once (the mapper keeps no mutable state and
     * counts nothing); in-memory datasets then map their chunks in parallel.
     */
    default boolean threadSafe() {
        return false;
    }

    /** {@code mapper}, declared safe to run on several chunks at once. */
    static ChunkMapper threadSafe(ChunkMapper mapper) {
        return new ChunkMapper() {
            @Override
            public void map(Chunk input, long firstRow, BufferAllocator allocator, List<FieldVector> out) {
                mapper.map(input, firstRow, allocator, out);
            }

            @Override
            public boolean threadSafe() {
                return true;
            }
        };
    }

    /** Runs {@code mapper} on one chunk; on failure frees what it made (not the borrowed inputs) and rethrows. */
    static List<FieldVector> run(ChunkMapper mapper, Chunk input, long firstRow, BufferAllocator allocator) {
        List<FieldVector> out = new java.util.ArrayList<>();
        try {
            mapper.map(input, firstRow, allocator, out);
            return out;
        } catch (RuntimeException e) {
            Vectors.ownedBy(out, input).forEach(FieldVector::close);
            throw e;
        }
    }
}
