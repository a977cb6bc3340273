package ai.bigdata.core.model;

import java.util.List;

/** The data given to a model does not have the columns it was trained on; the message names them. */
public final class SchemaMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> columns;

    /** A mismatch about the given columns. */
    public SchemaMismatchException(List<String> columns, String message) {
        super(message);
        this.columns = List.copyOf(columns);
    }

    /** The columns that are missing, extra or of the wrong type. */
    public List<String> columns() {
        return columns;
    }
}
