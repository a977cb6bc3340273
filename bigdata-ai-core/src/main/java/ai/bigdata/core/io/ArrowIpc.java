package ai.bigdata.core.io;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ArrowColumns;
import ai.bigdata.core.internal.AtomicFiles;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkChecks;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.CollectableAllocator;
import ai.bigdata.core.internal.NioAccess;
import ai.bigdata.core.internal.MappedArrowFileSource;
import ai.bigdata.core.internal.MemorySource;
import ai.bigdata.core.internal.RecordBatchCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Arrow IPC files and streams. Files are written through a temporary name and a rename, and read
 * memory-mapped with lazy chunks; streams are read into memory. Roles, tensor shapes and categories
 * travel in the Arrow schema (field metadata and dictionaries), so other Arrow tools read the data
 * too.
 */
public final class ArrowIpc {
    private ArrowIpc() {
    }

    /** Writes {@code data} as an Arrow IPC file, one record batch per chunk. */
    public static void writeFile(Dataset data, Path file) {
        try {
            AtomicFiles.write(file, false, tmp -> {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    write(data, root -> new ArrowFileWriter(root.root, root.dictionaries, ch));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Writes datasets one after another into one Arrow IPC file of {@code schema}, each dataset's chunks
     * as record batches, closing each dataset once written: only one part needs to be open at a time, so a
     * source larger than memory (a cluster's partitions, a stream of files) becomes one memory-mappable file.
     * The file appears only once complete (temporary name, then rename).
     *
     * @throws IllegalArgumentException when a part's schema is not {@code schema} (naming the part by its
     *     position); that part is closed, the parts after it are not taken from the iterator (closing those,
     *     if it made any, is the caller's), and no file is left
     */
    public static void writeFile(Schema schema, Iterator<Dataset> parts, Path file) {
        java.util.Objects.requireNonNull(schema, "schema");
        java.util.Objects.requireNonNull(parts, "parts");
        java.util.Objects.requireNonNull(file, "file");
        try {
            AtomicFiles.write(file, false, tmp -> {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    write(schema, parts, true, root -> new ArrowFileWriter(root.root, root.dictionaries, ch));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code data} as an Arrow IPC stream; the stream is not closed. */
    public static void writeStream(Dataset data, OutputStream out) {
        try {
            write(data, root -> new ArrowStreamWriter(root.root, root.dictionaries, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an Arrow stream", e);
        }
    }

    private static final class WriteRoot {
        final VectorSchemaRoot root;
        final DictionaryProvider dictionaries;

        WriteRoot(VectorSchemaRoot root, DictionaryProvider dictionaries) {
            this.root = root;
            this.dictionaries = dictionaries;
        }
    }

    private interface WriterFactory {
        ArrowWriter create(WriteRoot root) throws IOException;
    }

    private static void write(Dataset data, WriterFactory factory) throws IOException {
        write(data.schema(), List.of(data).iterator(), false, factory);
    }

    private static void write(Schema s, Iterator<Dataset> parts, boolean closeParts, WriterFactory factory) throws IOException {
        org.apache.arrow.vector.types.pojo.Schema arrowSchema = ArrowColumns.toArrowSchema(s);
        try (BufferAllocator alloc = Memory.newChild("arrow-write");
             VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, alloc)) {
            DictionaryProvider.MapDictionaryProvider dicts = ArrowColumns.dictionaries(s, alloc);
            try (ArrowWriter writer = factory.create(new WriteRoot(root, dicts))) {
                writer.start();
                VectorLoader loader = new VectorLoader(root);
                for (int part = 0; parts.hasNext(); part++) {
                    Dataset data = parts.next();
                    if (data == null) {
                        throw new IllegalArgumentException("part " + part + " is null");
                    }
                    try {
                        if (!data.schema().equals(s)) {
                            throw new IllegalArgumentException("part " + part + " has schema " + data.schema()
                                    + "; the file being written has " + s);
                        }
                        writeChunks(data, arrowSchema.getFields(), loader, writer);
                    } finally {
                        if (closeParts) {
                            data.close();
                        }
                    }
                }
                writer.end();
            } finally {
                for (long id : dicts.getDictionaryIds()) {
                    dicts.lookup(id).getVector().close();
                }
            }
        }
    }

    private static void writeChunks(Dataset data, List<Field> fields, VectorLoader loader, ArrowWriter writer) throws IOException {
        ChunkSource src = Datasets.source(data);
        try (ChunkReader r = src.open()) {
            for (int k = 0; k < src.chunkCount(); k++) {
                Chunk c = r.chunk(k);
                // the view borrows the chunk's vectors and is never closed, so it frees nothing
                VectorSchemaRoot view = new VectorSchemaRoot(fields, new ArrayList<>(c.vectors()), c.rowCount());
                try (ArrowRecordBatch batch = new VectorUnloader(view).getRecordBatch()) {
                    loader.load(batch);
                    writer.writeBatch();
                }
            }
        }
    }

    /** Opens an Arrow IPC file, memory-mapped, with lazily loaded chunks. */
    public static Dataset readFile(Path file) {
        String src = file.toString();
        // before Arrow reads anything: without java.nio opened its IPC reader fails in ways that look like damage
        NioAccess.require();
        // schema and dictionaries are read with collectable memory: Arrow loses buffers when a dictionary is damaged
        BufferAllocator headers = null;
        BufferAllocator alloc = null;
        try {
            // a header or dictionary buffer never exceeds the file (Arrow rounds buffers up to powers of two)
            headers = CollectableAllocator.create(2 * Math.max(Files.size(file), 1024) + 4096);
            Schema schema;
            org.apache.arrow.vector.types.pojo.Schema arrowSchema;
            List<org.apache.arrow.vector.ipc.message.ArrowBlock> blocks;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(ch, headers)) {
                if (ch.size() == 0) {
                    throw new DataFormatException(src, "file is empty");
                }
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                arrowSchema = root.getSchema();
                schema = toSchema(arrowSchema, reader, src);
                blocks = reader.getRecordBlocks();
            }
            headers.close();
            alloc = Memory.newChild("arrow-file:" + file.getFileName());
            return Datasets.wrap(new MappedArrowFileSource(file, schema, arrowSchema, blocks, alloc));
        } catch (Throwable t) {
            if (headers != null) {
                closeAfterFailure(headers, t);
            }
            if (alloc != null) {
                closeAfterFailure(alloc, t);
            }
            throw readError(src, t);
        }
    }

    /**
     * The typed error for a file that could not be opened: a {@link DataFormatException} for a missing,
     * truncated or damaged file, including one whose header claims more memory than there is. Other
     * errors of the JVM pass through unchanged.
     */
    private static RuntimeException readError(String src, Throwable t) {
        if (t instanceof DataFormatException) {
            return (DataFormatException) t;
        }
        if (t instanceof NoSuchFileException) {
            return new DataFormatException(src, "file does not exist", t);
        }
        if (t instanceof OutOfMemoryError) {
            return new DataFormatException(src, "a header claims more memory than the JVM has (damaged file?): " + t, t);
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new DataFormatException(src, "not a readable Arrow IPC file (truncated or damaged?): " + t, t);
    }

    /**
     * Closes an allocator of a read that failed. A buffer Arrow left behind when it failed part way is
     * reported as suppressed by {@code error}, never in its place (the header allocator's memory is
     * garbage collected, so nothing stays allocated).
     */
    private static void closeAfterFailure(BufferAllocator alloc, Throwable error) {
        try {
            alloc.close();
        } catch (RuntimeException leak) {
            error.addSuppressed(leak);
        }
    }

    private static Schema toSchema(org.apache.arrow.vector.types.pojo.Schema arrowSchema, DictionaryProvider p, String src) {
        List<Column> cols = new ArrayList<>();
        for (Field f : arrowSchema.getFields()) {
            cols.add(ArrowColumns.fromField(f, p, src));
        }
        return new Schema(cols);
    }

    /**
     * Reads a whole Arrow IPC stream into memory (the stream is not closed). The stream is parsed with
     * collectable memory (Arrow's reader loses a buffer when a message is damaged; see
     * {@link CollectableAllocator}) and each record batch, once read, is copied into the dataset's own
     * memory; a record batch may hold up to 2 GiB.
     */
    public static Dataset readStream(InputStream in, String name) {
        BufferAllocator alloc = Memory.newChild("arrow-stream");
        BufferAllocator parse = CollectableAllocator.create(Integer.MAX_VALUE);
        List<Chunk> chunks = new ArrayList<>();
        try {
            Schema schema = null;
            try (ArrowStreamReader reader = new ArrowStreamReader(new NonClosingInputStream(in), parse)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                while (load(reader)) {
                    if (schema == null) {
                        schema = toSchema(root.getSchema(), reader, name);
                    }
                    Chunk chunk = new Chunk(schema, RecordBatchCopy.of(root, alloc), root.getRowCount());
                    chunks.add(chunk);
                    for (FieldVector v : chunk.vectors()) {
                        ChunkChecks.validateFull(v);
                    }
                    String bad = ChunkChecks.badValue(chunk);
                    if (bad != null) {
                        throw new DataFormatException(name, "record batch " + (chunks.size() - 1) + ", " + bad);
                    }
                }
                if (schema == null) {
                    schema = toSchema(root.getSchema(), reader, name);
                }
            }
            closeParseMemory(parse);
            return Datasets.wrap(new MemorySource(schema, chunks, alloc));
        } catch (Throwable t) {
            chunks.forEach(Chunk::closeVectors);
            closeAfterFailure(alloc, t);
            closeParseMemory(parse);
            if (t instanceof DataFormatException) {
                throw (DataFormatException) t;
            }
            if (t instanceof Error && !(t instanceof OutOfMemoryError)) {
                throw (Error) t;
            }
            throw new DataFormatException(name, "not a readable Arrow IPC stream: " + t, t);
        }
    }

    /** Closes the parsing allocator; a buffer Arrow lost there is left to the garbage collector, which frees it. */
    private static void closeParseMemory(BufferAllocator parse) {
        try {
            parse.close();
        } catch (IllegalStateException lostByArrow) {
            // collectable memory: reclaimed once unreachable, nothing stays allocated for the JVM's life
        }
    }

    private static boolean load(ArrowReader reader) throws IOException {
        return reader.loadNextBatch();
    }

    /** Keeps Arrow's reader from closing the caller's stream. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
