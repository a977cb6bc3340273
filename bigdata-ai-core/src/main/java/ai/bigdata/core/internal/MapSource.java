package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** A lazy chunk-by-chunk mapping of another source; each visit computes the output chunk anew. */
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

            @Override
            public Chunk chunk(int index) {
                current.forEach(FieldVector::close);
                current = List.of();
                Chunk c = in.chunk(index);
                List<FieldVector> out;
                long first = 0;
                for (int k = 0; k < index; k++) {
                    first += parent.chunkRows(k);
                }
                out = ChunkMapper.run(mapper, c, first, allocator);
                current = Vectors.ownedBy(out, c);
                return new Chunk(schema, out, c.rowCount());
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
