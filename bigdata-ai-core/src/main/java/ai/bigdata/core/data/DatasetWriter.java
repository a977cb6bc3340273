package ai.bigdata.core.data;

import ai.bigdata.core.internal.ChunkAssembler;
import ai.bigdata.core.internal.ColumnSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes an in-memory dataset row by row, each value straight into Arrow memory: the public way for
 * readers and modules to produce columns. Obtained from {@link Dataset#writer(Schema)}.
 *
 * <p>For each row, give every column exactly one value (or a null) through its {@link ColumnWriter},
 * in any order, then call {@link #endRow()}; {@link #build()} returns the dataset. A refused value
 * throws {@link InvalidValueException} naming the column and row, and writes nothing: the column can
 * take another value, or {@link #discardRow()} drops the row's values written so far. Misuse (a column
 * written twice in a row, a row ended with a column missing, a write after {@code build()} or
 * {@code close()}) throws {@link IllegalStateException} naming the column and row.
 *
 * <pre>{@code
 * try (DatasetWriter w = Dataset.writer(schema)) {
 *     ColumnWriter x = w.column("x");
 *     ColumnWriter label = w.column("label");
 *     for (...) {
 *         x.appendDouble(value);
 *         label.appendCategory(name);
 *         w.endRow();
 *     }
 *     return w.build();
 * } // close() frees everything unless build() was reached
 * }</pre>
 *
 * <p>Chunks hold {@code chunkRows} rows, or fewer when a wide tensor column would make one column's
 * buffer larger than 64 MiB. Categorical columns declared with categories accept only those; without,
 * categories are coded in order of first appearance. A writer is not thread-safe.
 */
public final class DatasetWriter implements AutoCloseable {
    /** Rows per chunk unless asked otherwise. */
    public static final int DEFAULT_CHUNK_ROWS = 65_536;
    /** The largest tensor cell, in bytes; a schema with a wider tensor column is refused. */
    public static final long MAX_TENSOR_CELL_BYTES = ColumnSink.MAX_CELL_BYTES;

    private final Schema schema;
    private final ChunkAssembler assembler;
    private final List<ColumnWriter> columns;
    private long rowsEnded;
    private int rowInChunk;
    private boolean finished;

    DatasetWriter(Schema schema, int chunkRows) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        if (schema.size() == 0) {
            throw new IllegalArgumentException("a dataset needs at least one column");
        }
        this.schema = schema;
        BufferAllocator allocator = Memory.newChild("writer");
        this.assembler = new ChunkAssembler(schema, allocator, chunkRows); // closes the allocator if it fails
        List<ColumnWriter> cs = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            cs.add(new ColumnWriter(this, c, schema.column(c), assembler.sink(c)));
        }
        this.columns = Collections.unmodifiableList(cs);
    }

    /** The schema being written (categoricals as declared, without the categories seen so far). */
    public Schema schema() {
        return schema;
    }

    /** The writer of the column at {@code position}. */
    public ColumnWriter column(int position) {
        if (position < 0 || position >= columns.size()) {
            throw new IndexOutOfBoundsException("column position " + position + " is outside 0.." + (columns.size() - 1));
        }
        return columns.get(position);
    }

    /**
     * The writer of the named column.
     *
     * @throws ColumnNotFoundException when the schema has no such column
     */
    public ColumnWriter column(String name) {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new ColumnNotFoundException(name, schema.names());
        }
        return columns.get(i);
    }

    /** The writers of all columns, in schema order. */
    public List<ColumnWriter> columns() {
        return columns;
    }

    /** Rows ended so far. */
    public long rowCount() {
        return rowsEnded;
    }

    /**
     * Ends the current row.
     *
     * @throws IllegalStateException when a column has no value in this row (nothing is ended then)
     */
    public void endRow() {
        checkOpen();
        List<String> missing = new ArrayList<>();
        for (ColumnWriter c : columns) {
            if (!c.hasValueInRow()) {
                missing.add(c.column().name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("row " + rowsEnded + " has no value for column(s) " + missing
                    + "; give every column a value or a null before endRow()");
        }
        assembler.endRow();
        rowsEnded++;
        rowInChunk = assembler.sink(0).count();
    }

    /** Drops the values written to the current row so far (for example after a refused value). */
    public void discardRow() {
        checkOpen();
        for (ColumnWriter c : columns) {
            if (c.hasValueInRow()) {
                c.sink().undo();
            }
        }
    }

    /**
     * The dataset of the rows ended so far; it owns the memory from now on and this writer is done.
     *
     * @throws IllegalStateException when a row was started but not ended
     */
    public Dataset build() {
        checkOpen();
        List<String> started = new ArrayList<>();
        for (ColumnWriter c : columns) {
            if (c.hasValueInRow()) {
                started.add(c.column().name());
            }
        }
        if (!started.isEmpty()) {
            throw new IllegalStateException("row " + rowsEnded + " was started (columns " + started
                    + ") but not ended; call endRow() or discardRow() before build()");
        }
        Dataset d = Dataset.wrap(assembler.build());
        finished = true;
        return d;
    }

    /** Frees all memory unless {@link #build()} handed it to a dataset; idempotent. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            assembler.close();
        }
    }

    void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the writer is built or closed; no more rows can be written");
        }
    }

    /** Rows of the current chunk that are ended (a column holding more has a value in the current row). */
    int rowInChunk() {
        return rowInChunk;
    }

    /** The row being written, counted from 0. */
    long currentRow() {
        return rowsEnded;
    }

    /** Generic conversion of a Java value (see {@link ColumnWriter#append(Object)}). */
    void appendObject(int position, Object value) {
        assembler.append(position, value);
    }
}
