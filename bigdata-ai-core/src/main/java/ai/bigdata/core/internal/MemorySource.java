package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Chunks that live in memory, with the allocator that holds them. A source derived from an in-memory
 * parent owns only its new vectors and borrows the parent's unchanged ones, holding a reference on the
 * parent so that they stay valid.
 */
public final class MemorySource extends ChunkSource {
    private final ChunkSource parent;
    private final Schema schema;
    private final List<Chunk> chunks;
    private final List<List<FieldVector>> owned;
    private final BufferAllocator allocator;

    /** Takes ownership of the chunks, all their vectors and their allocator. */
    public MemorySource(Schema schema, List<Chunk> chunks, BufferAllocator allocator) {
        this.parent = null;
        this.schema = schema;
        this.chunks = List.copyOf(chunks);
        this.owned = chunks.stream().map(Chunk::vectors).toList();
        this.allocator = allocator;
    }

    /** Chunks derived from {@code parent}: {@code owned.get(k)} are chunk k's own vectors; takes a reference on the parent. */
    public MemorySource(ChunkSource parent, Schema schema, List<Chunk> chunks, List<List<FieldVector>> owned,
                        BufferAllocator allocator) {
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
        owned.forEach(vs -> vs.forEach(FieldVector::close));
        allocator.close();
        if (parent != null) {
            parent.release();
        }
    }
}
