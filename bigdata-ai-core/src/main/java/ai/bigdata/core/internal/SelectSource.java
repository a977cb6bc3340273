package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A lazy selection of rows of another source: chunk {@code i} holds rows {@code rows[i]} of parent
 * chunk {@code parentChunk[i]}, in that order. Rows are copied into reused scratch vectors on visit.
 */
public final class SelectSource extends ChunkSource {
    private final ChunkSource parent;
    private final int[] parentChunk;
    private final int[][] rows;
    private final BufferAllocator allocator;

    /** Takes a reference on the parent; scratch memory comes from {@code allocator}, which this source closes. */
    public SelectSource(ChunkSource parent, int[] parentChunk, int[][] rows, BufferAllocator allocator) {
        this.parent = parent.retain();
        this.parentChunk = parentChunk.clone();
        this.rows = rows;
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return parent.schema();
    }

    @Override
    public int chunkCount() {
        return rows.length;
    }

    @Override
    public int chunkRows(int chunk) {
        return rows[chunk].length;
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public ChunkReader open() {
        ChunkReader in = parent.open();
        Schema schema = schema();
        List<FieldVector> scratch = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            scratch.add(ArrowColumns.newVector(schema.column(c), allocator));
        }
        return new ChunkReader() {
            private int current = -1;
            private Chunk made;

            @Override
            public Chunk chunk(int index) {
                if (index == current) {
                    return made;
                }
                current = -1;
                Chunk src = in.chunk(parentChunk[index]);
                for (int c = 0; c < schema.size(); c++) {
                    FieldVector dst = scratch.get(c);
                    dst.reset();
                    RowCopier.copy(src.vector(c), rows[index], dst);
                }
                made = new Chunk(schema, scratch, rows[index].length);
                current = index;
                return made;
            }

            @Override
            public void close() {
                for (FieldVector v : scratch) {
                    v.close();
                }
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
