package ai.bigdata.recsys;

/**
 * A train/test cut of interactions: disjoint, and together exactly the input rows.
 *
 * @param train the part to fit on
 * @param test the held-out part
 */
public record InteractionSplit(Interactions train, Interactions test) {
}
