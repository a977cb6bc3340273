package ai.bigdata.spark;

/**
 * A DataFrame column does not fit what is asked of it: it is missing, its Spark type has no core
 * column type (or not the one a model reads), or one of its values cannot be stored. The message says
 * which, and {@link #column()} names the column.
 */
public final class ColumnMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;

    /**
     * An error about one column.
     *
     * @param column the column at fault
     * @param message what is wrong, naming the column
     * @param cause the underlying error, or null
     */
    public ColumnMismatchException(String column, String message, Throwable cause) {
        super(message, cause);
        this.column = column;
    }

    /** The column at fault. */
    public String column() {
        return column;
    }
}
