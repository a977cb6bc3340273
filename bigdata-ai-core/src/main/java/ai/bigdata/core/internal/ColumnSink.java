package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Appends typed values of one column into Arrow vectors of a fixed chunk capacity, writing fixed-width
 * values straight into the vector memory. A value that does not fit the column throws
 * {@link IllegalArgumentException} with the reason; readers turn it into a located error. NaN and
 * infinities are no values (a missing value is a null), and a number that overflows a float32 column
 * is refused. Sizes are computed in long arithmetic and every native write is checked against the
 * chunk's capacity first.
 */
public final class ColumnSink {
    /** Bytes one column's data buffer of one chunk aims at: chunks of wide tensors hold fewer rows. */
    public static final long CHUNK_BYTES = 64L << 20;
    /** The largest tensor cell, in bytes (256 MiB); wider cells are refused before anything is allocated. */
    public static final long MAX_CELL_BYTES = 256L << 20;

    private final Column column;
    private final BufferAllocator allocator;
    private final int capacity;
    private final Map<String, Integer> categoryCodes = new HashMap<>();
    private final List<String> categories = new ArrayList<>();
    private final boolean categoriesFixed;
    private FieldVector vector;
    private long dataAddress;
    private long validityAddress;
    private int count;
    private int[] byteTable;
    private float byteTableDivisor;

    /** A sink for {@code column}, chunks of {@code capacity} rows. Given categories are fixed; else they grow. */
    public ColumnSink(Column column, BufferAllocator allocator, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("chunk capacity must be positive, got " + capacity);
        }
        // a sparse cell holds only its entries (the list grows as needed), not its dimension
        long values = (long) capacity * (column.type() == ColumnType.SPARSE ? 1 : column.width());
        if (column.type() == ColumnType.TENSOR && 4L * column.width() > MAX_CELL_BYTES) {
            throw new IllegalArgumentException("column '" + column.name() + "': a tensor cell of " + column.width()
                    + " values (" + 4L * column.width() + " bytes) exceeds the limit of " + MAX_CELL_BYTES + " bytes");
        }
        if (values > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column '" + column.name() + "': " + capacity + " rows of " + column.width()
                    + " values exceed one Arrow vector; use fewer rows per chunk (see rowsPerChunk)");
        }
        this.column = column;
        this.allocator = allocator;
        this.capacity = capacity;
        this.categoriesFixed = !column.categories().isEmpty();
        for (String c : column.categories()) {
            categoryCodes.put(c, categories.size());
            categories.add(c);
        }
        start();
    }

    /**
     * Rows per chunk for {@code schema}: {@code chunkRows}, or fewer so that no column's data buffer
     * exceeds {@link #CHUNK_BYTES} (at least one row).
     */
    public static int rowsPerChunk(ai.bigdata.core.data.Schema schema, int chunkRows) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        long widest = 8;
        for (Column c : schema.columns()) {
            if (c.type() == ColumnType.TENSOR) {
                widest = Math.max(widest, 4L * c.width());
            }
        }
        return (int) Math.max(1, Math.min(chunkRows, CHUNK_BYTES / widest));
    }

    private void start() {
        vector = ArrowColumns.newVector(column, allocator);
        count = 0;
        if (vector instanceof FixedSizeListVector) {
            FixedSizeListVector l = (FixedSizeListVector) vector;
            l.setInitialCapacity(capacity);
            l.allocateNew();
            BaseFixedWidthVector values = (BaseFixedWidthVector) l.getDataVector();
            values.allocateNew(Math.toIntExact((long) capacity * column.width()));
            dataAddress = values.getDataBuffer().memoryAddress();
            validityAddress = l.getValidityBuffer().memoryAddress();
        } else if (vector instanceof BaseFixedWidthVector && !(vector instanceof BitVector)) {
            ((BaseFixedWidthVector) vector).allocateNew(capacity);
            dataAddress = vector.getDataBuffer().memoryAddress();
            validityAddress = vector.getValidityBuffer().memoryAddress();
        } else if (vector instanceof BitVector) {
            ((BitVector) vector).allocateNew(capacity);
        } else if (vector instanceof ListVector) {
            SparseEntries.allocate((ListVector) vector, capacity);
        } else {
            ((VarCharVector) vector).allocateNew(capacity * 16L, capacity);
        }
    }

    /** The column this sink fills (categoricals carry the categories seen so far). */
    public Column column() {
        return column.type() == ColumnType.CATEGORICAL ? column.withCategories(categories) : column;
    }

    /** Rows in the current chunk. */
    public int count() {
        return count;
    }

    /** Refuses a write past the chunk's capacity before it reaches native memory. */
    private void checkRoom() {
        if (count >= capacity) {
            throw new IllegalStateException("column '" + column.name() + "': chunk of " + capacity
                    + " rows is full; the caller must finish it before appending");
        }
    }

    private void markValid() {
        long a = validityAddress + (count >>> 3);
        MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (count & 7))));
    }

    /** Appends a null. */
    public void appendNull() {
        checkRoom();
        if (vector instanceof BitVector || vector instanceof VarCharVector || vector instanceof ListVector) {
            vector.setNull(count);
        }
        count++;
    }

    /** Appends an integer (int32 or int64 columns; float columns accept it too). */
    public void appendLong(long v) {
        checkRoom();
        switch (column.type()) {
            case INT32:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("value " + v + " does not fit int32");
                }
                MemoryUtil.putInt(dataAddress + 4L * count, (int) v);
                break;
            case INT64:
            case TIMESTAMP:
                MemoryUtil.putLong(dataAddress + 8L * count, v);
                break;
            case FLOAT32:
                MemoryUtil.putInt(dataAddress + 4L * count, Float.floatToRawIntBits((float) v));
                break;
            case FLOAT64:
                MemoryUtil.putLong(dataAddress + 8L * count, Double.doubleToRawLongBits(v));
                break;
            default:
                throw new IllegalArgumentException("an integer is not a " + column.type());
        }
        markValid();
        count++;
    }

    /** Appends a floating-point value (float columns only; NaN is refused: nulls are nulls). */
    public void appendDouble(double v) {
        checkRoom();
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN is not a value; write a null for a missing value");
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(v + " is not a value (non-finite numbers are refused like NaN)");
        }
        if (column.type() == ColumnType.FLOAT32) {
            float f = (float) v;
            if (Float.isInfinite(f)) {
                throw new IllegalArgumentException(v + " overflows float32 (largest magnitude " + Float.MAX_VALUE + ")");
            }
            appendFloat(f);
            return;
        }
        if (column.type() != ColumnType.FLOAT64) {
            throw new IllegalArgumentException("a decimal number is not a " + column.type());
        }
        MemoryUtil.putLong(dataAddress + 8L * count, Double.doubleToRawLongBits(v));
        markValid();
        count++;
    }

    /** Appends a float32 value to a float32 column. */
    public void appendFloat(float v) {
        checkRoom();
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("NaN is not a value; write a null for a missing value");
        }
        if (Float.isInfinite(v)) {
            throw new IllegalArgumentException(v + " is not a value (non-finite numbers are refused like NaN)");
        }
        if (column.type() != ColumnType.FLOAT32) {
            appendDouble(v);
            return;
        }
        MemoryUtil.putInt(dataAddress + 4L * count, Float.floatToRawIntBits(v));
        markValid();
        count++;
    }

    /** Appends a boolean. */
    public void appendBoolean(boolean v) {
        checkRoom();
        if (column.type() != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("a boolean is not a " + column.type());
        }
        ((BitVector) vector).set(count, v ? 1 : 0);
        count++;
    }

    /** Appends text (text columns) or a category name (categorical columns). */
    public void appendText(String s) {
        checkRoom();
        if (column.type() == ColumnType.CATEGORICAL) {
            Integer code = categoryCodes.get(s);
            if (code == null) {
                if (categoriesFixed) {
                    throw new IllegalArgumentException("'" + s + "' is not one of the declared categories " + categories);
                }
                code = categories.size();
                categories.add(s);
                categoryCodes.put(s, code);
            }
            MemoryUtil.putInt(dataAddress + 4L * count, code);
            markValid();
            count++;
            return;
        }
        if (column.type() != ColumnType.TEXT) {
            throw new IllegalArgumentException("text is not a " + column.type());
        }
        ((VarCharVector) vector).setSafe(count, s.getBytes(StandardCharsets.UTF_8));
        count++;
    }

    /** Appends UTF-8 bytes that are already validated (text columns). */
    public void appendUtf8(byte[] bytes, int offset, int length) {
        checkRoom();
        if (column.type() != ColumnType.TEXT) {
            appendText(new String(bytes, offset, length, StandardCharsets.UTF_8));
            return;
        }
        ((VarCharVector) vector).setSafe(count, bytes, offset, length);
        count++;
    }

    /**
     * Appends a sparse cell: entries with strictly increasing indices in {@code [0, column.width())} and
     * finite values (arrays of equal length; none: an all-zero vector).
     */
    public void appendSparse(int[] indices, float[] values) {
        checkRoom();
        if (column.type() != ColumnType.SPARSE) {
            throw new IllegalArgumentException("a sparse vector is not a " + column.type());
        }
        SparseEntries.append((ListVector) vector, count, column.width(), indices, values);
        count++;
    }

    /** Appends a tensor cell of exactly {@code column.width()} values. */
    public void appendTensor(float[] values) {
        checkRoom();
        if (column.type() != ColumnType.TENSOR) {
            throw new IllegalArgumentException("a tensor is not a " + column.type());
        }
        int w = column.width();
        if (values.length != w) {
            throw new IllegalArgumentException("tensor has " + values.length + " values, the column's shape needs " + w);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("tensor value " + i + " is " + values[i]
                        + "; NaN and infinities (or numbers that overflow float32) are not values");
            }
        }
        MemoryUtil.copyToMemory(floatBytes(values), 0, dataAddress + 4L * w * count, 4L * w);
        markValid();
        count++;
    }

    private static byte[] floatBytes(float[] values) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(values.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(values);
        return bb.array();
    }

    /**
     * Appends a tensor cell from {@code column.width()} unsigned bytes of {@code src} starting at
     * {@code offset}: value {@code i} is the float {@code (src[offset + i] & 0xFF) / divisor}, rounded
     * once (a table of the 256 quotients, computed in float arithmetic). The divisor must be positive
     * and finite and leave 255 / divisor finite; the region must lie inside {@code src}.
     */
    public void appendUnsignedBytes(byte[] src, int offset, float divisor) {
        checkRoom();
        if (column.type() != ColumnType.TENSOR) {
            throw new IllegalArgumentException("unsigned bytes for a tensor cell are not a value of a " + column.type() + " column");
        }
        if (!(divisor > 0) || !Float.isFinite(divisor) || !Float.isFinite(255f / divisor)) {
            throw new IllegalArgumentException("divisor must be positive and finite and leave 255 / divisor finite, got "
                    + divisor);
        }
        int w = column.width();
        if (offset < 0 || (long) offset + w > src.length) {
            throw new IllegalArgumentException("a cell of " + w + " bytes from offset " + offset
                    + " does not lie inside an array of " + src.length + " bytes");
        }
        if (byteTable == null || Float.floatToRawIntBits(divisor) != Float.floatToRawIntBits(byteTableDivisor)) {
            int[] bits = new int[256];
            for (int v = 0; v < 256; v++) {
                bits[v] = Float.floatToRawIntBits(v / divisor);
            }
            byteTable = bits;
            byteTableDivisor = divisor;
        }
        int[] bits = byteTable;
        long at = dataAddress + 4L * w * count;
        for (int p = 0; p < w; p++) {
            MemoryUtil.putInt(at + 4L * p, bits[src[offset + p] & 0xFF]);
        }
        markValid();
        count++;
    }

    /** Address of the next tensor cell, for readers that decode straight into memory (IDX images). */
    public long nextTensorAddress() {
        checkRoom();
        return dataAddress + 4L * column.width() * count;
    }

    /** Marks a tensor cell written at {@link #nextTensorAddress()} as present. */
    public void commitTensor() {
        checkRoom();
        markValid();
        count++;
    }

    /** Drops the last appended row (used when a later column of the same row fails). */
    public void undo() {
        if (count == 0) {
            throw new IllegalStateException("column '" + column.name() + "': nothing to undo");
        }
        count--;
        if (vector instanceof BitVector || vector instanceof VarCharVector || vector instanceof ListVector) {
            vector.setNull(count);
        } else {
            long a = validityAddress + (count >>> 3);
            MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) & ~(1 << (count & 7))));
        }
    }

    /** Whether the current chunk is full. */
    public boolean isFull() {
        return count >= capacity;
    }

    /** Hands over the current chunk's vector (caller owns it) and starts a new one. */
    public FieldVector finish() {
        FieldVector done = vector;
        if (done instanceof FixedSizeListVector) {
            FieldVector values = ((FixedSizeListVector) done).getDataVector();
            MemoryUtil.setMemory(values.getValidityBuffer().memoryAddress(), ((long) count * column.width() + 7) / 8, (byte) -1);
            values.setValueCount(Math.toIntExact((long) count * column.width()));
        }
        done.setValueCount(count);
        start();
        return done;
    }

    /** Frees the chunk in progress. */
    public void close() {
        vector.close();
    }
}
