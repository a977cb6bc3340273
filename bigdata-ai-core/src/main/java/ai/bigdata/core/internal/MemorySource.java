package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Chunks that live in memory, owned together with the allocator that holds them. */
public final class MemorySource extends ChunkSource {
    private final Schema schema;
    private final List<Chunk> chunks;
    private final BufferAllocator allocator;

    /** Takes ownership of the chunks and of their allocator. */
    public MemorySource(Schema schema, List<Chunk> chunks, BufferAllocator allocator) {
        this.schema = schema;
        this.chunks = List.copyOf(chunks);
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
        for (Chunk c : chunks) {
            c.closeVectors();
        }
        allocator.close();
    }
}
