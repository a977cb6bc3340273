package ai.bigdata.nlp.embed;

/**
 * One result of {@link WordVectors#nearest}.
 *
 * @param word  the neighbouring word
 * @param score its cosine similarity to the query word, in [-1, 1]
 */
public record WordNeighbour(String word, double score) {
}
