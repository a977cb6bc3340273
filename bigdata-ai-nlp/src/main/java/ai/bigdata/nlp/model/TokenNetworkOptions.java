package ai.bigdata.nlp.model;

/**
 * The options every text classifier builder has: the vocabulary it embeds (required) and the embedding width.
 *
 * @param <B> the builder's own type, returned by the setters
 */
abstract class TokenNetworkOptions<B extends TokenNetworkOptions<B>> {
    int vocabulary;
    int width = 64;

    abstract B self();

    /** The number of token ids (required): the token-sequence transform's {@code vocabularySize()}. */
    public B vocabulary(int size) {
        this.vocabulary = EmbeddingSize.positive("vocabulary", size);
        return self();
    }

    /** The embedding width (default 64). */
    public B width(int size) {
        this.width = EmbeddingSize.positive("width", size);
        return self();
    }
}
