package ai.bigdata.core.model;

/**
 * A token id that a Transformer encoder cannot embed: not a whole number, negative, NaN, or not below
 * the vocabulary size the network was built with. It names the column, the row of the batch given to
 * the network (for a predictor request or an evaluation in order, the row of the request or the data)
 * and the position in the sequence; the batch was refused before it reached native code.
 */
public final class InvalidTokenIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final long row;
    private final int position;
    private final double value;

    /** A refused id {@code value} of {@code column} at {@code position} of batch row {@code row}, with the reason. */
    public InvalidTokenIdException(String column, long row, int position, double value, String reason) {
        super("column '" + column + "', row " + row + " of the batch, position " + position + ": token id " + value + " " + reason);
        this.column = column;
        this.row = row;
        this.position = position;
        this.value = value;
    }

    /** The token-id column. */
    public String column() {
        return column;
    }

    /** The row within the batch given to the network, from 0. */
    public long row() {
        return row;
    }

    /** The position in the sequence, from 0. */
    public int position() {
        return position;
    }

    /** The refused value. */
    public double value() {
        return value;
    }
}
