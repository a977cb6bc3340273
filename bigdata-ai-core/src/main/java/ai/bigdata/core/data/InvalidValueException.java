package ai.bigdata.core.data;

/**
 * A value given to a {@link DatasetWriter} (or {@link Dataset#builder}) that its column cannot hold:
 * a value of the wrong type, a tensor of the wrong width, a byte region outside its array, NaN, an
 * infinity, or a number that overflows the column's type. It names the column and the row (counted
 * from 0 in the dataset being written); nothing of the value was written.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final long row;
    private final String reason;

    /** A refused value of {@code column} in {@code row}, with the reason. */
    public InvalidValueException(String column, long row, String reason, Throwable cause) {
        super("row " + row + ", column '" + column + "': " + reason, cause);
        this.column = column;
        this.row = row;
        this.reason = reason;
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** The row, counted from 0 in the dataset being written. */
    public long row() {
        return row;
    }

    /** Why the value was refused, without the location. */
    public String reason() {
        return reason;
    }
}
