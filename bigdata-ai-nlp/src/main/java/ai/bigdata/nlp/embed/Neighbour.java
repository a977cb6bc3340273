package ai.bigdata.nlp.embed;

/**
 * One search result of a {@link SemanticIndex}.
 *
 * @param row   the row of the indexed data (0-based)
 * @param id    the row's id (the id column's value), or the row number when the index has no id column
 * @param score the cosine similarity to the query, in [-1, 1]
 */
public record Neighbour(long row, Object id, double score) {
}
