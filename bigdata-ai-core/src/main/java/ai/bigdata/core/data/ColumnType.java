package ai.bigdata.core.data;

/**
 * The logical type of a column. Each maps to exactly one Arrow physical layout; the logical name is
 * also written to the Arrow field metadata so that it survives an IPC round trip.
 */
public enum ColumnType {
    /** 32-bit signed integer ({@code Int(32)}). */
    INT32,
    /** 64-bit signed integer ({@code Int(64)}). */
    INT64,
    /** 32-bit float ({@code FloatingPoint(SINGLE)}). */
    FLOAT32,
    /** 64-bit float ({@code FloatingPoint(DOUBLE)}). */
    FLOAT64,
    /** Boolean ({@code Bool}). */
    BOOLEAN,
    /** UTF-8 text ({@code Utf8}). */
    TEXT,
    /** A category: dictionary-encoded UTF-8, stored as int32 codes plus a dictionary. */
    CATEGORICAL,
    /** Milliseconds since the epoch, UTC ({@code Timestamp(MILLISECOND, "UTC")}). */
    TIMESTAMP,
    /** A fixed-size list of float32 with a shape (row-major) in the field metadata. */
    TENSOR,
    /**
     * A sparse float32 vector of a fixed dimension (in the field metadata): a list of (index, value)
     * entries with strictly increasing indices in {@code [0, dimension)}; absent indices are 0. Stored as
     * {@code List<Struct<index: int32, value: float32>>}, so a 100,000-term vocabulary costs only the
     * entries a row has; batches densify it per batch ({@link SparseVector}).
     */
    SPARSE;

    /** True for the scalar numeric types that can be summarised and packed into a feature matrix. */
    public boolean isNumeric() {
        return this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64;
    }
}
