package ai.bigdata.core.prep;

/** What an encoder does with a category it did not see when it was fitted. */
public enum Unknown {
    /** Fail, naming the column, the category and the row (the default). */
    ERROR,
    /** Encode it as all zeros (one-hot) or null (ordinal). */
    IGNORE,
    /** Put it in the column's "other" bucket, together with categories capped away at fit time. */
    OTHER
}
