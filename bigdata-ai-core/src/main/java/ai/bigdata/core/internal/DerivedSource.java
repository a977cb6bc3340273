package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * In-memory chunks computed from an in-memory parent: new vectors are owned here, unchanged columns
 * are the parent's own vectors, borrowed, with a reference held on the parent so they stay valid.
 */
public final class DerivedSource extends ChunkSource {
    private final ChunkSource parent;
    private final Schema schema;
    private final List<Chunk> chunks;
    private final List<List<org.apache.arrow.vector.FieldVector>> owned;
    private final BufferAllocator allocator;

    /** Takes a reference on {@code parent}; {@code owned.get(k)} are the vectors of chunk k to close. */
    public DerivedSource(ChunkSource parent, Schema schema, List<Chunk> chunks,
                         List<List<org.apache.arrow.vector.FieldVector>> owned, BufferAllocator allocator) {
        this.parent = parent.retain();
        this.schema = schema;
        this.chunks = List.copyOf(chunks);
        this.owned = List.copyOf(owned);
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int chunkCount() {
        return chunks.size();
    }

    @Override
    public int chunkRows(int chunk) {
        return chunks.get(chunk).rowCount();
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public ChunkReader open() {
        if (isFreed()) {
            throw new IllegalStateException("dataset is closed");
        }
        return new ChunkReader() {
            @Override
            public Chunk chunk(int index) {
                return chunks.get(index);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    protected void free() {
        owned.forEach(vs -> vs.forEach(org.apache.arrow.vector.FieldVector::close));
        allocator.close();
        parent.release();
    }
}
