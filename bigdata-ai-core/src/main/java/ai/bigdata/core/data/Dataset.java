package ai.bigdata.core.data;

import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.internal.ArrowColumns;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkMapper;
import ai.bigdata.core.internal.ChunkChecks;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ConcatSource;
import ai.bigdata.core.internal.MapSource;
import ai.bigdata.core.internal.MemorySource;
import ai.bigdata.core.internal.ProjectSource;
import ai.bigdata.core.internal.RowCopier;
import ai.bigdata.core.internal.SelectSource;
import ai.bigdata.core.io.ArrowIpc;
import ai.bigdata.core.io.CsvReader;
import ai.bigdata.core.io.CsvWriter;
import ai.bigdata.core.io.JsonLinesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An immutable, schema-typed sequence of Arrow record batches (chunks) that owns its off-heap memory.
 *
 * <p>Every operation returns a new dataset and leaves this one unchanged. Column operations (select,
 * drop, rename, roles) are views that copy nothing; row operations (filter, head, splits) copy the
 * chosen rows once when the input is in memory and lazily, chunk by chunk, when it streams from a
 * file. Datasets share memory by reference counting: closing one never invalidates another, and the
 * memory is freed when the last dataset that uses it is closed.
 *
 * <p>A numeric view of a cell ({@link Row#getDouble}) is the number itself for numeric columns, 0 or
 * 1 for booleans, epoch milliseconds for timestamps and the category code for categoricals.
 */
public final class Dataset implements AutoCloseable {
    static {
        // pick the native build and switch DL4J's oneDNN helpers on before anything loads ND4J
        Engine.configure();
        Datasets.register(new Datasets.Access() {
            @Override
            public Dataset wrap(ChunkSource source) {
                return new Dataset(source);
            }

            @Override
            public ChunkSource source(Dataset data) {
                return data.source();
            }

            @Override
            public Dataset mapChunks(Dataset data, Schema schema, ChunkMapper mapper) {
                return data.mapChunks(schema, mapper);
            }
        });
    }

    private final ChunkSource source;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Dataset(ChunkSource source) {
        this.source = source;
    }

    /** Wraps a chunk source, taking over its reference (the library's own code reaches it through {@code Datasets}). */
    static Dataset wrap(ChunkSource source) {
        return new Dataset(source);
    }

    /** Starts reading a CSV file. */
    public static CsvReader.Builder readCsv(Path file) {
        return CsvReader.builder(file);
    }

    /** Starts reading a JSON Lines file (one JSON object per line). */
    public static JsonLinesReader.Builder readJsonLines(Path file) {
        return JsonLinesReader.builder(file);
    }

    /** Opens an Arrow IPC file, memory-mapped; chunks are loaded lazily, so it may be larger than memory. */
    public static Dataset readArrow(Path file) {
        return ArrowIpc.readFile(file);
    }

    /** Reads an Arrow IPC stream fully into memory. */
    public static Dataset readArrowStream(InputStream in) {
        return ArrowIpc.readStream(in, "<stream>");
    }

    /** A builder of an in-memory dataset from Java values, row by row. */
    public static RowsBuilder builder(Schema schema) {
        return new RowsBuilder(schema);
    }

    /**
     * A writer of an in-memory dataset, typed values column by column straight into Arrow memory, in
     * chunks of {@value DatasetWriter#DEFAULT_CHUNK_ROWS} rows (fewer for wide tensors).
     */
    public static DatasetWriter writer(Schema schema) {
        return new DatasetWriter(schema, DatasetWriter.DEFAULT_CHUNK_ROWS);
    }

    /** A writer of an in-memory dataset in chunks of {@code chunkRows} rows (fewer for wide tensors). */
    public static DatasetWriter writer(Schema schema, int chunkRows) {
        return new DatasetWriter(schema, chunkRows);
    }

    /** The chunk source; for the library's own modules (the batch bridge, writers). */
    ChunkSource source() {
        checkOpen();
        return source;
    }

    /** The schema. */
    public Schema schema() {
        return source.schema();
    }

    /** Number of rows. */
    public long rowCount() {
        return source.rowCount();
    }

    /** Number of chunks (Arrow record batches). */
    public int chunkCount() {
        return source.chunkCount();
    }

    /** Whether every chunk is held in memory (as opposed to streamed from a file). */
    public boolean inMemory() {
        return source.inMemory();
    }

    /** Only the named columns, in the given order. */
    public Dataset select(String... columns) {
        checkOpen();
        Schema s = schema();
        int[] idx = new int[columns.length];
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < columns.length; i++) {
            if (!seen.add(columns[i])) {
                throw new IllegalArgumentException("column '" + columns[i] + "' is selected twice");
            }
            idx[i] = s.indexOf(columns[i]);
            cols.add(s.column(idx[i]));
        }
        return new Dataset(new ProjectSource(source, idx, new Schema(cols)));
    }

    /** All columns but the named ones. */
    public Dataset drop(String... columns) {
        Schema s = schema();
        Set<String> gone = new LinkedHashSet<>(Arrays.asList(columns));
        for (String c : gone) {
            s.indexOf(c);
        }
        return select(s.names().stream().filter(n -> !gone.contains(n)).toArray(String[]::new));
    }

    /** The same data with one column renamed. */
    public Dataset rename(String from, String to) {
        Schema s = schema();
        int i = s.indexOf(from);
        if (!from.equals(to) && s.contains(to)) {
            throw new IllegalArgumentException("cannot rename '" + from + "' to '" + to + "': that name is taken");
        }
        return mapColumn(i, s.column(i).withName(to));
    }

    /** The same data with a column given a role (label, id, weight, user, item, time, feature). */
    public Dataset withRole(String column, ColumnRole role) {
        Schema s = schema();
        int i = s.indexOf(column);
        return mapColumn(i, s.column(i).withRole(role));
    }

    private Dataset mapColumn(int position, Column replacement) {
        checkOpen();
        Schema s = schema().replace(position, replacement);
        return new Dataset(new ProjectSource(source, IntStream.range(0, s.size()).toArray(), s));
    }

    /** The rows for which the predicate holds, in order. */
    public Dataset filter(Predicate<Row> predicate) {
        checkOpen();
        int chunks = source.chunkCount();
        int[][] rows = new int[chunks][];
        ChunkRow row = new ChunkRow();
        try (ChunkReader r = source.open()) {
            for (int k = 0; k < chunks; k++) {
                Chunk c = r.chunk(k);
                int[] keep = new int[c.rowCount()];
                int n = 0;
                for (int i = 0; i < c.rowCount(); i++) {
                    row.at(c, i);
                    if (predicate.test(row)) {
                        keep[n++] = i;
                    }
                }
                rows[k] = Arrays.copyOf(keep, n);
            }
        }
        return selectRows(rows);
    }

    /** Calls {@code action} for every row, in order; the row is valid only during the call. */
    public void forEachRow(Consumer<Row> action) {
        checkOpen();
        ChunkRow row = new ChunkRow();
        try (ChunkReader r = source.open()) {
            long first = 0;
            for (int k = 0; k < source.chunkCount(); k++) {
                Chunk c = r.chunk(k);
                String bad = ChunkChecks.badValue(c);
                if (bad != null) {
                    throw new IllegalStateException("chunk " + k + " (dataset rows from " + first + "), " + bad);
                }
                first += c.rowCount();
                for (int i = 0; i < c.rowCount(); i++) {
                    row.at(c, i);
                    action.accept(row);
                }
            }
        }
    }

    /** The first {@code n} rows (all of them if there are fewer). */
    public Dataset head(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("head(n) needs n >= 0, got " + n);
        }
        int chunks = source.chunkCount();
        int[][] rows = new int[chunks][];
        long left = n;
        for (int k = 0; k < chunks; k++) {
            int take = (int) Math.min(left, source.chunkRows(k));
            rows[k] = IntStream.range(0, take).toArray();
            left -= take;
        }
        return selectRows(rows);
    }

    /**
     * Rows chosen per chunk: {@code rows[k]} are row positions in chunk {@code k}. Empty chunks are dropped.
     * In-memory inputs are copied at once; streamed ones stay lazy.
     */
    Dataset selectRows(int[][] rows) {
        checkOpen();
        List<Integer> parent = new ArrayList<>();
        List<int[]> kept = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k].length > 0) {
                parent.add(k);
                kept.add(rows[k]);
            }
        }
        SelectSource lazy = new SelectSource(source, parent.stream().mapToInt(Integer::intValue).toArray(),
                kept.toArray(new int[0][]), Memory.newChild("select"));
        Dataset view = new Dataset(lazy);
        if (!source.inMemory()) {
            return view;
        }
        try (view) {
            return view.materialize();
        }
    }

    /** The rows of this dataset followed by those of the others; all schemas must be equal. */
    public Dataset concat(Dataset... others) {
        checkOpen();
        List<ChunkSource> parts = new ArrayList<>();
        parts.add(source);
        for (Dataset d : others) {
            d.checkOpen();
            if (!d.schema().equals(schema())) {
                throw new IllegalArgumentException("cannot concatenate datasets with different schemas: "
                        + schema() + " and " + d.schema()
                        + (sameNamesAndTypes(d) ? " (categoricals differ in their categories)" : ""));
            }
            parts.add(d.source);
        }
        return new Dataset(new ConcatSource(parts));
    }

    private boolean sameNamesAndTypes(Dataset d) {
        Schema a = schema();
        Schema b = d.schema();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.column(i).withCategories(List.of()).equals(b.column(i).withCategories(List.of()))) {
                return false;
            }
        }
        return true;
    }

    /** A copy of all rows in memory (a no-op copy for small data, a load for streamed data). */
    public Dataset materialize() {
        checkOpen();
        Schema s = schema();
        List<Chunk> chunks = new ArrayList<>();
        BufferAllocator alloc = Memory.newChild("materialized");
        try (ChunkReader r = source.open()) {
            for (int k = 0; k < source.chunkCount(); k++) {
                Chunk c = r.chunk(k);
                int[] all = IntStream.range(0, c.rowCount()).toArray();
                List<FieldVector> vs = new ArrayList<>();
                for (int col = 0; col < s.size(); col++) {
                    FieldVector v = ArrowColumns.newVector(s.column(col), alloc);
                    RowCopier.copy(c.vector(col), all, v);
                    vs.add(v);
                }
                chunks.add(new Chunk(s, vs, c.rowCount()));
            }
        } catch (RuntimeException e) {
            chunks.forEach(Chunk::closeVectors);
            alloc.close();
            throw e;
        }
        return new Dataset(new MemorySource(s, chunks, alloc));
    }

    /**
     * A dataset computed chunk by chunk from this one: {@code mapper} makes each output chunk of
     * {@code schema}. In memory inputs give an in-memory result; streamed inputs a lazy one. For the
     * library's own transforms.
     */
    Dataset mapChunks(Schema schema, ChunkMapper mapper) {
        checkOpen();
        if (!source.inMemory()) {
            return new Dataset(new MapSource(source, schema, mapper, Memory.newChild("map")));
        }
        return new Dataset(ChunkMapper.mapInMemory(source, schema, mapper, Memory.newChild("map")));
    }

    /** Per-column statistics in one streaming pass. */
    public Summary summary() {
        checkOpen();
        return SummaryPass.run(source);
    }

    /** Starts a train / validation / test split, by fractions, by time, stratified or grouped. */
    public Splitter.Builder split() {
        checkOpen();
        return Splitter.builder(this);
    }

    /** K-fold cross-validation folds (optionally stratified or grouped). */
    public Folds.Builder kFold(int k) {
        checkOpen();
        return Folds.builder(this, k);
    }

    /**
     * Starts splitting the rows into {@code parts} disjoint parts that together hold every row, for
     * example one per client of a federated simulation: IID, label skew or quantity skew (see
     * {@link Partitioner}).
     */
    public Partitioner.Builder partition(int parts) {
        checkOpen();
        return Partitioner.builder(this, parts);
    }

    /** Starts a batch iterator that turns chunks into ND4J batches. */
    public BatchIterator.Builder batches() {
        checkOpen();
        return BatchIterator.builder(this);
    }

    /** Writes this dataset as an Arrow IPC file (written to a temporary name, then renamed). */
    public void writeArrow(Path file) {
        checkOpen();
        ArrowIpc.writeFile(this, file);
    }

    /** Writes this dataset as CSV with a header row; nulls are written as empty fields. */
    public void writeCsv(Path file) {
        checkOpen();
        try {
            CsvWriter.write(this, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The first rows as a table, for logs and the REPL. */
    public String preview(int rows) {
        if (closed.get()) {
            return "Dataset[closed]";
        }
        Schema s = schema();
        List<String[]> cells = new ArrayList<>();
        cells.add(s.columns().stream().map(Column::toString).toArray(String[]::new));
        int left = rows;
        try (ChunkReader r = source.open()) {
            for (int k = 0; k < source.chunkCount() && left > 0; k++) {
                Chunk c = r.chunk(k);
                for (int i = 0; i < c.rowCount() && left > 0; i++, left--) {
                    String[] line = new String[s.size()];
                    for (int col = 0; col < s.size(); col++) {
                        String t = Cells.text(s.column(col), c.vector(col), i);
                        t = t == null ? "null" : t;
                        line[col] = t.length() > 24 ? t.substring(0, 21) + "..." : t;
                    }
                    cells.add(line);
                }
            }
        }
        int[] w = new int[s.size()];
        for (String[] line : cells) {
            for (int col = 0; col < line.length; col++) {
                w[col] = Math.max(w[col], line[col].length());
            }
        }
        StringBuilder sb = new StringBuilder("Dataset[" + rowCount() + " rows x " + s.size() + " columns, "
                + chunkCount() + " chunks" + (inMemory() ? "" : ", streamed") + "]\n");
        for (String[] line : cells) {
            for (int col = 0; col < line.length; col++) {
                sb.append(col == 0 ? "" : "  ").append(String.format("%-" + w[col] + "s", line[col]));
            }
            sb.append('\n');
        }
        if (rowCount() > rows) {
            sb.append("... ").append(rowCount() - rows).append(" more rows\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return preview(10);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("dataset is closed");
        }
    }

    /** Releases this dataset's hold on its memory; idempotent and safe to call from several threads at once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            source.release();
        }
    }

    /** Builds an in-memory dataset row by row from Java values. */
    public static final class RowsBuilder {
        private final Schema schema;
        private final List<Object[]> rows = new ArrayList<>();
        private int chunkRows = 65_536;

        RowsBuilder(Schema schema) {
            this.schema = schema;
        }

        /** Rows per chunk (default 65,536). */
        public RowsBuilder chunkRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("chunkRows must be positive, got " + n);
            }
            this.chunkRows = n;
            return this;
        }

        /** Adds a row: one value per column (null for missing). */
        public RowsBuilder add(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException("row " + rows.size() + " has " + values.length + " values, the schema has "
                        + schema.size() + " columns " + schema.names());
            }
            rows.add(values.clone());
            return this;
        }

        /** The dataset; a value that does not fit its column is an {@link InvalidValueException}. */
        public Dataset build() {
            try (DatasetWriter w = new DatasetWriter(schema, Math.max(1, Math.min(chunkRows, rows.size())))) {
                List<ColumnWriter> columns = w.columns();
                for (Object[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        columns.get(c).append(row[c]);
                    }
                    w.endRow();
                }
                return w.build();
            }
        }
    }
}
