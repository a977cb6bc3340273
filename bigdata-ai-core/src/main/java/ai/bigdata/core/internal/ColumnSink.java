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

/**
 * Appends typed values of one column into Arrow vectors of a fixed chunk capacity, writing fixed-width
 * values straight into the vector memory. A value that does not fit the column throws
 * {@link IllegalArgumentException} with the reason; readers turn it into a located error.
 */
public final class ColumnSink {
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

    /** A sink for {@code column}, chunks of {@code capacity} rows. Given categories are fixed; else they grow. */
    public ColumnSink(Column column, BufferAllocator allocator, int capacity) {
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

    private void start() {
        vector = ArrowColumns.newVector(column, allocator);
        count = 0;
        if (vector instanceof FixedSizeListVector) {
            FixedSizeListVector l = (FixedSizeListVector) vector;
            l.setInitialCapacity(capacity);
            l.allocateNew();
            BaseFixedWidthVector values = (BaseFixedWidthVector) l.getDataVector();
            values.allocateNew(capacity * column.width());
            dataAddress = values.getDataBuffer().memoryAddress();
            validityAddress = l.getValidityBuffer().memoryAddress();
        } else if (vector instanceof BaseFixedWidthVector && !(vector instanceof BitVector)) {
            ((BaseFixedWidthVector) vector).allocateNew(capacity);
            dataAddress = vector.getDataBuffer().memoryAddress();
            validityAddress = vector.getValidityBuffer().memoryAddress();
        } else if (vector instanceof BitVector) {
            ((BitVector) vector).allocateNew(capacity);
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

    private void markValid() {
        long a = validityAddress + (count >>> 3);
        MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (count & 7))));
    }

    /** Appends a null. */
    public void appendNull() {
        if (vector instanceof BitVector || vector instanceof VarCharVector) {
            vector.setNull(count);
        }
        count++;
    }

    /** Appends an integer (int32 or int64 columns; float columns accept it too). */
    public void appendLong(long v) {
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
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN is not a value; write a null for a missing value");
        }
        if (column.type() == ColumnType.FLOAT32) {
            appendFloat((float) v);
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
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("NaN is not a value; write a null for a missing value");
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
        if (column.type() != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("a boolean is not a " + column.type());
        }
        ((BitVector) vector).set(count, v ? 1 : 0);
        count++;
    }

    /** Appends text (text columns) or a category name (categorical columns). */
    public void appendText(String s) {
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
        if (column.type() != ColumnType.TEXT) {
            appendText(new String(bytes, offset, length, StandardCharsets.UTF_8));
            return;
        }
        ((VarCharVector) vector).setSafe(count, bytes, offset, length);
        count++;
    }

    /** Appends a tensor cell of exactly {@code column.width()} values. */
    public void appendTensor(float[] values) {
        if (column.type() != ColumnType.TENSOR) {
            throw new IllegalArgumentException("a tensor is not a " + column.type());
        }
        int w = column.width();
        if (values.length != w) {
            throw new IllegalArgumentException("tensor has " + values.length + " values, the column's shape needs " + w);
        }
        for (float f : values) {
            if (Float.isNaN(f)) {
                throw new IllegalArgumentException("tensor holds NaN; NaN is not a value");
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

    /** Address of the next tensor cell, for readers that decode straight into memory (IDX images). */
    public long nextTensorAddress() {
        return dataAddress + 4L * column.width() * count;
    }

    /** Marks a tensor cell written at {@link #nextTensorAddress()} as present. */
    public void commitTensor() {
        markValid();
        count++;
    }

    /** Drops the last appended row (used when a later column of the same row fails). */
    public void undo() {
        count--;
        if (vector instanceof BitVector || vector instanceof VarCharVector) {
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
            values.setValueCount(count * column.width());
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
