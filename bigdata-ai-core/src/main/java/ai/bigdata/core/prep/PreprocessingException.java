package ai.bigdata.core.prep;

/** A preprocessing step cannot fit or apply: the message names the column and what is wrong. */
public final class PreprocessingException extends IllegalArgumentException {
    private final String column;

    /** A problem with {@code column} (may be null when no single column is at fault). */
    public PreprocessingException(String column, String message) {
        super(column == null ? message : "column '" + column + "': " + message);
        this.column = column;
    }

    /** The column at fault, or null. */
    public String column() {
        return column;
    }
}
