package ai.bigdata.nlp.g2p;

/**
 * A spelling or pronunciation that {@link PronunciationCodes} cannot turn into ids: a letter or phoneme it
 * was not fitted on, a sequence longer than its columns, or a missing value. Names the column, the row
 * and the position (0-based; -1 for the whole value).
 */
public final class UncodableSymbolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String column;
    private final long row;
    private final int position;

    /** A problem with {@code value} at {@code position} of column {@code column}, row {@code row}. */
    public UncodableSymbolException(String column, long row, int position, String value, String reason) {
        super("column '" + column + "', row " + row + (position >= 0 ? ", position " + position : "") + ": "
                + (value == null ? "null" : "'" + value + "'") + " " + reason);
        this.column = column;
        this.row = row;
        this.position = position;
    }

    /** The column of the value. */
    public String column() {
        return column;
    }

    /** The row of the value (0-based, within the data given). */
    public long row() {
        return row;
    }

    /** The 0-based position in the value, or -1 when the whole value is at fault. */
    public int position() {
        return position;
    }
}
