package ai.bigdata.core.serve;

/** A row given to a {@link Predictor} lacks a column, has an unknown one, or has a value of the wrong type. */
public final class InvalidRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;

    InvalidRowException(String column, String message, Throwable cause) {
        super(message, cause);
        this.column = column;
    }

    /** The column at fault. */
    public String column() {
        return column;
    }
}
