package ai.bigdata.recsys;

/** A user or item id that the recommender did not see in training, under {@link UnknownPolicy#ERROR}. */
public final class UnknownIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final long id;

    /** An unknown {@code kind} ("user" or "item") with the given id. */
    public UnknownIdException(String kind, long id) {
        super(kind + " " + id + " had no training interactions (use UnknownPolicy.SKIP or FALLBACK to allow it)");
        this.kind = kind;
        this.id = id;
    }

    /** "user" or "item". */
    public String kind() {
        return kind;
    }

    /** The unknown id. */
    public long id() {
        return id;
    }
}
