package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
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

    /**
     * Maps every chunk of an in-memory {@code source} into a new in-memory source that owns
     * {@code allocator}; chunks run in parallel when the mapper is {@link #threadSafe()}. Every task
     * ends normally, so on failure nothing still runs when the made vectors and the allocator are
     * freed; then the first error is rethrown.
     */
    static MemorySource mapInMemory(ChunkSource source, Schema schema, ChunkMapper mapper, BufferAllocator allocator) {
        int n = source.chunkCount();
        Chunk[] chunks = new Chunk[n];
        @SuppressWarnings("unchecked")
        List<FieldVector>[] owned = new List[n];
        long[] first = new long[n];
        for (int k = 1; k < n; k++) {
            first[k] = first[k - 1] + source.chunkRows(k - 1);
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ChunkReader r = source.open()) {
            IntStream ks = IntStream.range(0, n);
            (mapper.threadSafe() && n > 1 ? ks.parallel() : ks).forEach(k -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    Chunk c = r.chunk(k);
                    List<FieldVector> out = run(mapper, c, first[k], allocator);
                    owned[k] = Vectors.ownedBy(out, c);
                    chunks[k] = new Chunk(schema, out, c.rowCount());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            for (List<FieldVector> vs : owned) {
                if (vs != null) {
                    vs.forEach(FieldVector::close);
                }
            }
            allocator.close();
            throw failure.get();
        }
        return new MemorySource(source, schema, List.of(chunks), List.of(owned), allocator);
    }
}
