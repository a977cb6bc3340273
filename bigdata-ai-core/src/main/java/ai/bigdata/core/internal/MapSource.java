package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A lazy chunk-by-chunk mapping of another source. A reader computes a chunk when it moves to it and
 * frees it when it moves on; asking the same reader for the same chunk again returns what it made.
 */
public final class MapSource extends ChunkSource {
    private final ChunkSource parent;
    private final Schema schema;
    private final ChunkMapper mapper;
    private final BufferAllocator allocator;

    /** Takes a reference on the parent; output vectors come from {@code allocator}, which this source closes. */
    public MapSource(ChunkSource parent, Schema schema, ChunkMapper mapper, BufferAllocator allocator) {
        this.parent = parent.retain();
        this.schema = schema;
        this.mapper = mapper;
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int chunkCount() {
        return parent.chunkCount();
    }

    @Override
    public int chunkRows(int chunk) {
        return parent.chunkRows(chunk);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public ChunkReader open() {
        ChunkReader in = parent.open();
        return new ChunkReader() {
            private List<FieldVector> current = List.of();
            private int index = -1;
            private Chunk made;

            @Override
            public Chunk chunk(int k) {
                if (k == index) {
                    return made;
                }
                index = -1;
                made = null;
                current.forEach(FieldVector::close);
                current = List.of();
                Chunk c = in.chunk(k);
                long first = 0;
                for (int i = 0; i < k; i++) {
                    first += parent.chunkRows(i);
                }
                List<FieldVector> out = ChunkMapper.run(mapper, c, first, allocator);
                current = Vectors.ownedBy(out, c);
                made = new Chunk(schema, out, c.rowCount());
                index = k;
                return made;
            }

            @Override
            public void close() {
                current.forEach(FieldVector::close);
                in.close();
            }
        };
    }

    @Override
    protected void free() {
        allocator.close();
        parent.release();
    }
}
