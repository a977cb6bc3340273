package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.nlp.vectorize.TextColumns;
import java.util.Objects;

/**
 * The preprocessing step that replaces a text column by its all-MiniLM-L6-v2 embeddings, a float32
 * tensor column {@code [384]}. Nothing is learnt: {@link #fit} checks the column and returns the
 * {@link SentenceEmbeddingTransform}, which saves in pipelines and model bundles and serves through
 * {@code Predictor}. A logistic regression or MLP trained on its output is this library's way of
 * fine-tuning a pretrained language model for a task (the encoder stays frozen).
 */
public final class SentenceEmbedding implements Preprocessor {
    private final String column;
    private final String output;
    private final EncoderSettings settings;

    private SentenceEmbedding(String column, String output, EncoderSettings settings) {
        this.column = Objects.requireNonNull(column, "column");
        this.output = Objects.requireNonNull(output, "output");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Embeds {@code column} in place (the output column takes its name) with {@link EncoderSettings#defaults()}. */
    public static SentenceEmbedding of(String column) {
        return new SentenceEmbedding(column, column, EncoderSettings.defaults());
    }

    /** This step writing the embeddings to a column of this name (the text column is replaced by it). */
    public SentenceEmbedding output(String name) {
        return new SentenceEmbedding(column, name, settings);
    }

    /** This step with these encoder settings (truncation length, batch size, threads). */
    public SentenceEmbedding settings(EncoderSettings encoderSettings) {
        return new SentenceEmbedding(column, output, encoderSettings);
    }

    /** Checks that the column is text and returns the transform; {@code data} is not read. */
    @Override
    public SentenceEmbeddingTransform fit(Dataset data) {
        TextColumns.check(column, output, data.schema());
        return new SentenceEmbeddingTransform(column, output, settings);
    }

    @Override
    public String toString() {
        return "SentenceEmbedding(" + column + " -> " + output + ", " + settings + ")";
    }
}
