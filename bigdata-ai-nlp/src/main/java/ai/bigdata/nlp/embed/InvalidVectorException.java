package ai.bigdata.nlp.embed;

/**
 * A vector that a {@link SemanticIndex} cannot take: of the wrong length, with a NaN or infinite value, of
 * length zero (no direction, so no cosine), or null. {@link #row()} names the indexed row, or is -1 for a
 * query.
 */
public final class InvalidVectorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long row;

    InvalidVectorException(long row, String message) {
        super((row < 0 ? "query vector: " : "row " + row + ": ") + message);
        this.row = row;
    }

    /** The row of the indexed data, or -1 when the query was refused. */
    public long row() {
        return row;
    }
}
