package ai.bigdata.recsys;

/** A (user, item) pair occurs twice under {@link DuplicatePolicy#ERROR}; names the pair and both rows (0-based). */
public final class DuplicateInteractionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long user;
    private final long item;
    private final int firstRow;
    private final int secondRow;

    /** The pair {@code (user, item)} seen at {@code firstRow} and again at {@code secondRow}. */
    public DuplicateInteractionException(long user, long item, int firstRow, int secondRow) {
        super("duplicate interaction (user " + user + ", item " + item + ") at rows " + firstRow + " and " + secondRow
                + " (0-based); choose DuplicatePolicy.LAST_WINS or SUM to merge");
        this.user = user;
        this.item = item;
        this.firstRow = firstRow;
        this.secondRow = secondRow;
    }

    /** The user id. */
    public long user() {
        return user;
    }

    /** The item id. */
    public long item() {
        return item;
    }

    /** The row where the pair first occurs. */
    public int firstRow() {
        return firstRow;
    }

    /** The row where it occurs again. */
    public int secondRow() {
        return secondRow;
    }
}
