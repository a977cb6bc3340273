package ai.bigdata.recsys;

/** What a recommender or evaluator does with a user or item that had no training interactions. */
public enum UnknownPolicy {
    /** Throw an {@link UnknownIdException} naming the id. */
    ERROR,
    /** Leave it out: no score and an empty list; evaluators count the rows or users skipped. */
    SKIP,
    /** Fall back to the model's baseline: the global popularity ranking, or the mean plus known biases for ratings. */
    FALLBACK
}
