package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** A lazy view of some columns of another source, possibly renamed or re-roled. Copies nothing. */
public final class ProjectSource extends ChunkSource {
    private final ChunkSource parent;
    private final int[] columns;
    private final Schema schema;

    /** Columns {@code columns} of {@code parent}, described by {@code schema}. Takes a reference on the parent. */
    public ProjectSource(ChunkSource parent, int[] columns, Schema schema) {
        this.parent = parent.retain();
        this.columns = columns.clone();
        this.schema = schema;
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
        return parent.inMemory();
    }

    @Override
    public ChunkReader open() {
        ChunkReader in = parent.open();
        return new ChunkReader() {
            @Override
            public Chunk chunk(int index) {
                Chunk c = in.chunk(index);
                List<FieldVector> vs = new ArrayList<>(columns.length);
                for (int col : columns) {
                    vs.add(c.vector(col));
                }
                return new Chunk(schema, vs, c.rowCount());
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    protected void free() {
        parent.release();
    }
}
