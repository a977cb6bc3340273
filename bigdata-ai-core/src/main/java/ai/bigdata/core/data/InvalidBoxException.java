package ai.bigdata.core.data;

/**
 * A row of a boxes column ({@link Column#boxes}) that is not a valid box: a class id that is not one of the
 * column's classes, a corner outside the image, a negative width or height, a value that is not finite, or
 * a non-zero empty row. The message and the accessors name the column, the row and the box.
 */
public final class InvalidBoxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final long row;
    private final int box;

    /**
     * @param column the boxes column
     * @param row the row's position in the dataset
     * @param box the box's position in the row (0-based)
     * @param what what is wrong
     */
    public InvalidBoxException(String column, long row, int box, String what) {
        super("boxes column '" + column + "', row " + row + ", box " + box + ": " + what);
        this.column = column;
        this.row = row;
        this.box = box;
    }

    /** The boxes column. */
    public String column() {
        return column;
    }

    /** The row's position in the dataset. */
    public long row() {
        return row;
    }

    /** The box's position in the row (0-based). */
    public int box() {
        return box;
    }
}
