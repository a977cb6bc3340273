package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * The record batches of an Arrow IPC file, memory-mapped: a chunk's body is mapped when it is read and
 * unmapped when the reader moves on, so the file may be far larger than the heap and than RAM.
 */
public final class MappedArrowFileSource extends ChunkSource {
    private static final Method INVOKE_CLEANER;
    private static final Object UNSAFE;

    static {
        Method m = null;
        Object u = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = f.get(null);
            m = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            m = null;
        }
        INVOKE_CLEANER = m;
        UNSAFE = u;
    }

    private final Path file;
    private final Schema schema;
    private final org.apache.arrow.vector.types.pojo.Schema arrowSchema;
    private final List<ArrowBlock> blocks;
    private final int[] rows;
    private final MessageMetadataResult[] metadata;
    private final BufferAllocator allocator;

    /**
     * A source over {@code blocks} of {@code file}; reads each block's metadata now. Owns {@code allocator}
     * once constructed; when the constructor throws, the caller still owns (and closes) it.
     */
    public MappedArrowFileSource(Path file, Schema schema, org.apache.arrow.vector.types.pojo.Schema arrowSchema,
                                 List<ArrowBlock> blocks, BufferAllocator allocator) {
        this.file = file;
        this.schema = schema;
        this.arrowSchema = arrowSchema;
        this.blocks = new ArrayList<>(blocks);
        this.allocator = allocator;
        this.rows = new int[blocks.size()];
        this.metadata = new MessageMetadataResult[blocks.size()];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            for (int i = 0; i < blocks.size(); i++) {
                ArrowBlock b = blocks.get(i);
                if (b.getMetadataLength() < 8 || b.getBodyLength() < 0) {
                    throw new DataFormatException(file.toString(), "record batch " + i + " has a damaged block entry"
                            + " (metadata length " + b.getMetadataLength() + ", body length " + b.getBodyLength() + ")");
                }
                if (b.getOffset() < 0 || b.getOffset() > size || b.getMetadataLength() > size - b.getOffset()
                        || b.getBodyLength() > size - b.getOffset() - b.getMetadataLength()) {
                    throw new DataFormatException(file.toString(), "record batch " + i + " lies past the end of the file ("
                            + size + " bytes): the file is truncated");
                }
                checkMessageLength(ch, b, i);
                ch.position(b.getOffset());
                MessageMetadataResult meta = MessageSerializer.readMessage(new ReadChannel(ch));
                if (meta == null) {
                    throw new DataFormatException(file.toString(), "record batch " + i + " has no message header");
                }
                RecordBatch rb = (RecordBatch) meta.getMessage().header(new RecordBatch());
                if (rb == null) {
                    throw new DataFormatException(file.toString(), "block " + i + " is not a record batch");
                }
                if (rb.compression() != null) {
                    throw new DataFormatException(file.toString(), "record batch " + i
                            + " is compressed; compressed Arrow files are not supported, write them uncompressed");
                }
                if (rb.length() > Integer.MAX_VALUE) {
                    throw new DataFormatException(file.toString(), "record batch " + i + " has more than 2^31 rows");
                }
                rows[i] = (int) rb.length();
                metadata[i] = meta;
            }
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "cannot read record batch headers: " + e.getMessage(), e);
        }
    }

    /**
     * The length prefix of a block's message must fit in the block's metadata: Arrow allocates a heap
     * buffer of whatever length the prefix claims, so a damaged prefix would ask for up to 2 GiB.
     */
    private void checkMessageLength(FileChannel ch, ArrowBlock b, int i) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ch.read(prefix, b.getOffset());
        int first = prefix.getInt(0);
        int length = first == MessageSerializer.IPC_CONTINUATION_TOKEN ? prefix.getInt(4) : first;
        int prefixBytes = first == MessageSerializer.IPC_CONTINUATION_TOKEN ? 8 : 4;
        if (length <= 0 || length > b.getMetadataLength() - prefixBytes) {
            throw new DataFormatException(file.toString(), "record batch " + i + " has a message of " + length
                    + " bytes in a block of " + b.getMetadataLength() + " metadata bytes: the file is damaged");
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int chunkCount() {
        return blocks.size();
    }

    @Override
    public int chunkRows(int chunk) {
        return rows[chunk];
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public ChunkReader open() {
        if (isFreed()) {
            throw new IllegalStateException("dataset is closed");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
        VectorLoader loader = new VectorLoader(root);
        return new ChunkReader() {
            private int loaded = -1;

            @Override
            public Chunk chunk(int index) {
                if (index != loaded) {
                    loaded = -1;
                    try {
                        load(index);
                    } catch (Throwable t) {
                        // a batch that failed part way frees what it mapped and is never handed out
                        root.clear();
                        throw t;
                    }
                    loaded = index;
                }
                return new Chunk(schema, root.getFieldVectors(), rows[index]);
            }

            private void load(int index) {
                ArrowBlock b = blocks.get(index);
                long bodyOffset = b.getOffset() + b.getMetadataLength();
                ArrowBuf body;
                try {
                    body = b.getBodyLength() == 0 ? allocator.getEmpty() : map(ch, bodyOffset, b.getBodyLength());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot map record batch " + index + " of " + file, e);
                } catch (RuntimeException e) {
                    throw damaged(index, e);
                }
                ArrowRecordBatch batch;
                try {
                    // takes over (and releases) our reference to the body when it succeeds
                    batch = MessageSerializer.deserializeRecordBatch(metadata[index], body);
                } catch (Throwable t) {
                    if (body.refCnt() > 0) {
                        body.getReferenceManager().release();
                    }
                    throw damaged(index, t);
                }
                try (batch) {
                    checkFieldLengths(index, batch);
                    loader.load(batch);
                    Chunk c = new Chunk(schema, root.getFieldVectors(), rows[index]);
                    if (root.getRowCount() != rows[index]) {
                        throw new DataFormatException(file.toString(), "record batch " + index + " holds "
                                + root.getRowCount() + " rows, its header " + rows[index]);
                    }
                    for (FieldVector v : root.getFieldVectors()) {
                        ChunkChecks.validateFull(v);
                    }
                    String bad = ChunkChecks.badValue(c);
                    if (bad != null) {
                        long first = 0;
                        for (int k = 0; k < index; k++) {
                            first += rows[k];
                        }
                        throw new DataFormatException(file.toString(), "record batch " + index + " (dataset rows from "
                                + first + "), " + bad);
                    }
                } catch (DataFormatException e) {
                    throw e;
                } catch (Throwable t) {
                    throw damaged(index, t);
                }
            }

            /**
             * Every top-level field node must have the batch's row count: a damaged count would make Arrow
             * grow the vectors to it (allocating and zero-filling) and invent rows.
             */
            private void checkFieldLengths(int index, ArrowRecordBatch batch) {
                List<ArrowFieldNode> nodes = batch.getNodes();
                int n = 0;
                for (org.apache.arrow.vector.types.pojo.Field f : arrowSchema.getFields()) {
                    if (n >= nodes.size()) {
                        throw new DataFormatException(file.toString(), "record batch " + index + " has " + nodes.size()
                                + " field nodes, too few for the schema");
                    }
                    if (nodes.get(n).getLength() != batch.getLength()) {
                        throw new DataFormatException(file.toString(), "record batch " + index + " claims "
                                + batch.getLength() + " rows but field '" + f.getName() + "' holds "
                                + nodes.get(n).getLength());
                    }
                    n += nodeCount(f);
                }
            }

            /** A typed error for a batch Arrow could not load or validate; errors other than exceptions pass on. */
            private RuntimeException damaged(int index, Throwable t) {
                if (t instanceof Error && !(t instanceof OutOfMemoryError)) {
                    throw (Error) t;
                }
                return new DataFormatException(file.toString(), "record batch " + index + " is damaged: " + t, t);
            }

            @Override
            public void close() {
                root.close();
                try {
                    ch.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Field nodes of a field in a record batch: itself and, depth first, its children. */
    private static int nodeCount(org.apache.arrow.vector.types.pojo.Field f) {
        int n = 1;
        for (org.apache.arrow.vector.types.pojo.Field c : f.getChildren()) {
            n += nodeCount(c);
        }
        return n;
    }

    private ArrowBuf map(FileChannel ch, long offset, long length) throws IOException {
        MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
        long address = NativeMemory.address(mapped);
        return allocator.wrapForeignAllocation(new ForeignAllocation(length, address) {
            @Override
            protected void release0() {
                unmap(mapped);
            }
        });
    }

    private static void unmap(MappedByteBuffer b) {
        if (INVOKE_CLEANER == null) {
            return; // the mapping goes when the buffer is garbage collected
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, b);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unmap a record batch", e);
        }
    }

    @Override
    protected void free() {
        allocator.close();
    }
}
