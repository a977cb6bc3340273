package ai.bigdata.core.data;

import java.util.List;

/** A column was asked for by a name the dataset does not have. */
public final class ColumnNotFoundException extends IllegalArgumentException {
    private final String column;

    /** A missing column, with the names that do exist. */
    public ColumnNotFoundException(String column, List<String> available) {
        super("no column named '" + column + "'; the dataset has " + available);
        this.column = column;
    }

    /** The name that was asked for. */
    public String column() {
        return column;
    }
}
