package ai.bigdata.core.data;

import ai.bigdata.core.internal.ColumnSink;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Appends the values of one column of a {@link DatasetWriter}, one per row, straight into Arrow
 * memory. The typed methods accept the column types they name (an {@code int} goes into an int32 or
 * int64 column, a {@code double} into a float32 or float64 column, and so on); anything else, NaN, an
 * infinity, a number that overflows the column's type, a tensor of the wrong width or a category
 * outside the declared ones throws {@link InvalidValueException} naming the column and row, and
 * writes nothing. A null reference given to a method that takes an object is a null value.
 */
public final class ColumnWriter {
    private static final Set<ColumnType> INTEGERS = EnumSet.of(ColumnType.INT32, ColumnType.INT64);
    private static final Set<ColumnType> FLOATS = EnumSet.of(ColumnType.FLOAT32, ColumnType.FLOAT64);

    private final DatasetWriter writer;
    private final int position;
    private final Column column;
    private final ColumnSink sink;

    ColumnWriter(DatasetWriter writer, int position, Column column, ColumnSink sink) {
        this.writer = writer;
        this.position = position;
        this.column = column;
        this.sink = sink;
    }

    /** The column written (as declared in the writer's schema). */
    public Column column() {
        return column;
    }

    /** A null (a missing value) in any column. */
    public void appendNull() {
        begin();
        sink.appendNull();
    }

    /** An int in an int32 or int64 column. */
    public void appendInt(int value) {
        begin();
        expect(INTEGERS, "an int");
        sink.appendLong(value);
    }

    /** A long in an int64 column, or in an int32 column when it fits. */
    public void appendLong(long value) {
        begin();
        expect(INTEGERS, "a long");
        try {
            sink.appendLong(value);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /** A finite float in a float32 or float64 column. */
    public void appendFloat(float value) {
        begin();
        expect(FLOATS, "a float");
        try {
            sink.appendFloat(value);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /** A finite double in a float64 column, or in a float32 column when it does not overflow float32. */
    public void appendDouble(double value) {
        begin();
        expect(FLOATS, "a double");
        try {
            sink.appendDouble(value);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /** A boolean in a boolean column. */
    public void appendBoolean(boolean value) {
        begin();
        expect(EnumSet.of(ColumnType.BOOLEAN), "a boolean");
        sink.appendBoolean(value);
    }

    /** Text in a text column (null: a null). */
    public void appendText(String value) {
        begin();
        expect(EnumSet.of(ColumnType.TEXT), "text");
        if (value == null) {
            sink.appendNull();
        } else {
            sink.appendText(value);
        }
    }

    /** A category, by name, in a categorical column (null: a null). */
    public void appendCategory(String name) {
        begin();
        expect(EnumSet.of(ColumnType.CATEGORICAL), "a category");
        if (name == null) {
            sink.appendNull();
            return;
        }
        try {
            sink.appendText(name);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /** An instant in a timestamp column, stored in milliseconds (null: a null). */
    public void appendTimestamp(Instant value) {
        begin();
        expect(EnumSet.of(ColumnType.TIMESTAMP), "a timestamp");
        if (value == null) {
            sink.appendNull();
            return;
        }
        long millis;
        try {
            millis = value.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(column.name(), writer.currentRow(), value + " is beyond the range of"
                    + " epoch milliseconds", e);
        }
        sink.appendLong(millis);
    }

    /** A tensor cell of exactly the column's width of finite values (null: a null). */
    public void appendTensor(float[] cell) {
        begin();
        expect(EnumSet.of(ColumnType.TENSOR), "a tensor");
        if (cell == null) {
            sink.appendNull();
            return;
        }
        try {
            sink.appendTensor(cell);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * A sparse cell: the stored entries of a vector of the column's dimension, indices strictly increasing
     * in {@code [0, dimension)} and finite values, arrays of equal length (empty arrays: the all-zero
     * vector). A bad entry is an {@link InvalidValueException} naming it.
     */
    public void appendSparse(int[] indices, float[] values) {
        begin();
        expect(EnumSet.of(ColumnType.SPARSE), "a sparse vector");
        try {
            sink.appendSparse(indices, values);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * A tensor cell from the column's width of unsigned bytes of {@code src} starting at {@code offset}
     * (8-bit pixels, for example): value {@code i} is the float {@code (src[offset + i] & 0xFF) / divisor},
     * exactly as Java's float division gives it. No per-row float array is made.
     *
     * @param divisor positive and finite, with 255 / divisor finite (1 keeps the bytes' values; 255 gives [0, 1])
     */
    public void appendUnsignedBytes(byte[] src, int offset, float divisor) {
        begin();
        expect(EnumSet.of(ColumnType.TENSOR), "a tensor");
        try {
            sink.appendUnsignedBytes(src, offset, divisor);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * A Java value, converted where nothing is lost: null, {@code Integer} / {@code Long} / {@code Short} /
     * {@code Byte} for integer columns, any {@code Number} for float columns, {@code Boolean},
     * {@code CharSequence} for text and categorical columns, {@code Instant} for timestamps,
     * {@code float[]} for tensors, {@link SparseVector} for sparse columns.
     */
    public void append(Object value) {
        begin();
        try {
            writer.appendObject(position, value);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    boolean hasValueInRow() {
        return sink.count() > writer.rowInChunk();
    }

    ColumnSink sink() {
        return sink;
    }

    private void begin() {
        writer.checkOpen();
        if (hasValueInRow()) {
            throw new IllegalStateException("row " + writer.currentRow() + ", column '" + column.name()
                    + "': the column already has a value in this row; call endRow() first");
        }
    }

    private void expect(Set<ColumnType> types, String what) {
        if (!types.contains(column.type())) {
            throw new InvalidValueException(column.name(), writer.currentRow(), what + " is not a value of a "
                    + column.type() + " column", null);
        }
    }

    private InvalidValueException refused(IllegalArgumentException e) {
        return new InvalidValueException(column.name(), writer.currentRow(), e.getMessage(), e);
    }
}
