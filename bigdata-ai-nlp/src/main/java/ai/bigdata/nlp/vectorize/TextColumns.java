package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;

/** The checks every vectoriser and encoder makes of its text column. */
public final class TextColumns {
    private TextColumns() {
    }

    /** A text of the column, refused when null (naming the column and row). */
    public static String text(String column, String text, long row) {
        if (text == null) {
            throw new PreprocessingException(column, "row " + row + " is null; fill or drop missing texts before vectorising");
        }
        return text;
    }

    /** Checks that the column exists and is text, and that the output does not exist unless it replaces it. */
    public static void check(String column, String output, Schema schema) {
        if (!schema.contains(column)) {
            throw new PreprocessingException(column, "no such column; columns are " + schema.names());
        }
        if (schema.column(column).type() != ColumnType.TEXT) {
            throw new PreprocessingException(column, "is " + schema.column(column).type() + ", not TEXT");
        }
        if (!output.equals(column) && schema.contains(output)) {
            throw new PreprocessingException(output, "the output column already exists");
        }
    }

}
