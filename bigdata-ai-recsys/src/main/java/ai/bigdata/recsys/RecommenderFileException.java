package ai.bigdata.recsys;

/** A saved recommender file that cannot be read: truncated, altered, of another format or version; names the file. */
public final class RecommenderFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;

    /** A problem with {@code file}. */
    public RecommenderFileException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file. */
    public String file() {
        return file;
    }
}
