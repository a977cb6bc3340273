package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects rows, column by column, into in-memory chunks of a fixed size: the rows asked for, or fewer
 * when a wide tensor column would make a chunk's buffer larger than {@link ColumnSink#CHUNK_BYTES}.
 */
public final class ChunkAssembler implements AutoCloseable {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final List<ColumnSink> sinks = new ArrayList<>();
    private final List<List<FieldVector>> done = new ArrayList<>();
    private final List<Integer> doneRows = new ArrayList<>();
    private boolean built;

    /** An assembler that owns {@code allocator} until {@link #build()} hands it to the source. */
    public ChunkAssembler(Schema schema, BufferAllocator allocator, int chunkRows) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        this.schema = schema;
        this.allocator = allocator;
        int rows = ColumnSink.rowsPerChunk(schema, chunkRows);
        try {
            for (Column c : schema.columns()) {
                sinks.add(new ColumnSink(c, allocator, rows));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The sink of a column position. */
    public ColumnSink sink(int column) {
        return sinks.get(column);
    }

    /** Ends a row whose every column was appended; starts a new chunk when the current one is full. */
    public void endRow() {
        if (sinks.isEmpty() || sinks.get(0).isFull()) {
            flush();
        }
    }

    /** Takes back the first {@code columns} values of a row that failed part way. */
    public void undoRow(int columns) {
        for (int c = 0; c < columns; c++) {
            sinks.get(c).undo();
        }
    }

    /** Appends a Java value to a column, converting where the conversion loses nothing. */
    public void append(int column, Object value) {
        ColumnSink s = sinks.get(column);
        Column c = schema.column(column);
        if (value == null) {
            s.appendNull();
            return;
        }
        switch (c.type()) {
            case INT32:
            case INT64:
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    s.appendLong(((Number) value).longValue());
                    return;
                }
                break;
            case FLOAT32:
            case FLOAT64:
                if (value instanceof Number) {
                    s.appendDouble(((Number) value).doubleValue());
                    return;
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    s.appendBoolean((Boolean) value);
                    return;
                }
                break;
            case TEXT:
            case CATEGORICAL:
                if (value instanceof CharSequence) {
                    s.appendText(value.toString());
                    return;
                }
                break;
            case TIMESTAMP:
                if (value instanceof Instant) {
                    s.appendLong(((Instant) value).toEpochMilli());
                    return;
                }
                break;
            case TENSOR:
                if (value instanceof float[]) {
                    s.appendTensor((float[]) value);
                    return;
                }
                break;
            case SPARSE:
                if (value instanceof ai.bigdata.core.data.SparseVector) {
                    ai.bigdata.core.data.SparseVector v = (ai.bigdata.core.data.SparseVector) value;
                    s.appendSparse(v.indices(), v.values());
                    return;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " (" + value
                + ") is not a value of " + c.type() + " column '" + c.name() + "'");
    }

    private void flush() {
        int rows = sinks.isEmpty() ? 0 : sinks.get(0).count();
        if (rows == 0) {
            return;
        }
        List<FieldVector> vs = new ArrayList<>();
        for (ColumnSink s : sinks) {
            vs.add(s.finish());
        }
        done.add(vs);
        doneRows.add(rows);
    }

    /** The schema as filled so far (categoricals carry their categories). */
    public Schema currentSchema() {
        List<Column> cols = new ArrayList<>();
        for (ColumnSink s : sinks) {
            cols.add(s.column());
        }
        return new Schema(cols);
    }

    /** Finishes the last chunk and hands chunks and allocator to a new in-memory source. */
    public MemorySource build() {
        flush();
        Schema finalSchema = currentSchema();
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            chunks.add(new Chunk(finalSchema, done.get(i), doneRows.get(i)));
        }
        sinks.forEach(ColumnSink::close);
        built = true;
        return new MemorySource(finalSchema, chunks, allocator);
    }

    /** Frees everything if {@link #build()} was not reached (for example after an error). */
    @Override
    public void close() {
        if (built) {
            return;
        }
        sinks.forEach(ColumnSink::close);
        for (List<FieldVector> vs : done) {
            vs.forEach(FieldVector::close);
        }
        allocator.close();
        built = true;
    }
}
