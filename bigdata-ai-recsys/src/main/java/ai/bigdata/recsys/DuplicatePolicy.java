package ai.bigdata.recsys;

/** What building {@link Interactions} does with a (user, item) pair that occurs more than once. */
public enum DuplicatePolicy {
    /** The later row's rating and timestamp replace the earlier one's, at the earlier row's position. */
    LAST_WINS,
    /** The ratings are added (for counts of implicit events); the timestamp is the latest. */
    SUM,
    /** A {@link DuplicateInteractionException} naming the pair and both rows. */
    ERROR
}
