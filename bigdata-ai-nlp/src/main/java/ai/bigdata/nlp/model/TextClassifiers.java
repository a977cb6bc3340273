package ai.bigdata.nlp.model;

/**
 * Builders of text classifiers over a token-id column ({@code [maxLength]} ids, 0 = padding, as
 * {@link ai.bigdata.nlp.vectorize.TokenSequenceVectorizer} writes them): each starts with an embedding of the
 * vocabulary, ignores padding through the mask core derives from the ids, and ends in a softmax (categorical
 * label) or linear (numeric label) output sized from the data. They are core {@code NeuralNetwork}s: the
 * trainer's seed, optimiser and checkpoints apply, and they bundle and serve through the {@code Predictor}.
 * A small Transformer encoder classifier is core's {@code NeuralNetwork.transformer()}.
 *
 * <pre>{@code
 * TokenSequenceTransform ids = TokenSequenceVectorizer.of("text", 256).maxSize(20_000).build().fit(train);
 * NeuralNetwork bag = TextClassifiers.embeddingBag().vocabulary(ids.vocabularySize()).width(64).build();
 * }</pre>
 */
public final class TextClassifiers {
    private TextClassifiers() {
    }

    /** A fastText-style embedding bag: the mean of the tokens' embeddings, then the output layer. */
    public static EmbeddingBag embeddingBag() {
        return new EmbeddingBag();
    }

    /** A text CNN: embeddings, a 1-D convolution over time, max pooling over the text, dropout, the output layer. */
    public static TextCnn textCnn() {
        return new TextCnn();
    }

    /** A bidirectional LSTM over the embeddings, max-pooled over the text, then the output layer. */
    public static BiLstmClassifier biLstm() {
        return new BiLstmClassifier();
    }
}
