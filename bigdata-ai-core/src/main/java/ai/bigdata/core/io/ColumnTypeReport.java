package ai.bigdata.core.io;

import ai.bigdata.core.data.ColumnType;

/**
 * How a reader chose one column's type: declared in the options, or inferred from the sample, with
 * the reason in words (for example "numeric, int32: 1,998 of 2,000 sampled values parse; 2 bad
 * tokens (e.g. "oops") ...").
 */
public final class ColumnTypeReport {
    private final String column;
    private final ColumnType type;
    private final boolean declared;
    private final String reason;

    /** A column's type and why it was chosen. */
    public ColumnTypeReport(String column, ColumnType type, boolean declared, String reason) {
        this.column = column;
        this.type = type;
        this.declared = declared;
        this.reason = reason;
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** The type it was read as. */
    public ColumnType type() {
        return type;
    }

    /** Whether the options declared the type (then it was not inferred). */
    public boolean declared() {
        return declared;
    }

    /** Why this type, in words. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return column + ": " + type + " (" + reason + ")";
    }
}
