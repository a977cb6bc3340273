package ai.bigdata.core.data;

import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.ColumnSink;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A synthetic streamed source for tests: chunk k is computed on demand, so a file far larger than
 * memory can be written chunk by chunk. Row i has {@code x = i % 1000 / 8} and a tensor of
 * {@code width} values {@code (i % 7) + j}.
 */
final class GeneratedSource extends ChunkSource {
    static final Schema SCHEMA_TEMPLATE = Schema.of(Column.of("x", ColumnType.FLOAT64));

    private final Schema schema;
    private final int chunks;
    private final int rowsPerChunk;
    private final int width;
    private final BufferAllocator allocator = Memory.newChild("generated");

    GeneratedSource(int chunks, int rowsPerChunk, int width) {
        this.schema = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.tensor("v", width));
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.width = width;
    }

    static double x(long row) {
        return (row % 1000) / 8.0;
    }

    static float v(long row, int j) {
        return (row % 7) + j;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int chunkCount() {
        return chunks;
    }

    @Override
    public int chunkRows(int chunk) {
        return rowsPerChunk;
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public ChunkReader open() {
        return new ChunkReader() {
            private List<FieldVector> current = List.of();

            @Override
            public Chunk chunk(int index) {
                current.forEach(FieldVector::close);
                ColumnSink xs = new ColumnSink(schema.column(0), allocator, rowsPerChunk);
                ColumnSink vs = new ColumnSink(schema.column(1), allocator, rowsPerChunk);
                float[] cell = new float[width];
                for (int i = 0; i < rowsPerChunk; i++) {
                    long row = (long) index * rowsPerChunk + i;
                    xs.appendDouble(x(row));
                    for (int j = 0; j < width; j++) {
                        cell[j] = v(row, j);
                    }
                    vs.appendTensor(cell);
                }
                current = List.of(xs.finish(), vs.finish());
                xs.close();
                vs.close();
                return new Chunk(schema, current, rowsPerChunk);
            }

            @Override
            public void close() {
                current.forEach(FieldVector::close);
            }
        };
    }

    @Override
    protected void free() {
        allocator.close();
    }
}
