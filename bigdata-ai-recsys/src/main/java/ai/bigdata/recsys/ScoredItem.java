package ai.bigdata.recsys;

/**
 * An item and its score in a recommendation or similarity list.
 *
 * @param item the external item id
 * @param score the model's score (higher is better)
 */
public record ScoredItem(long item, double score) {
}
