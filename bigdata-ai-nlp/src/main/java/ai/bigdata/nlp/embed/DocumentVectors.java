package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.text.WordTokenizer;
import ai.bigdata.nlp.vectorize.TextColumns;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Document vectors from word vectors: a preprocessor that replaces a text column by a float32 tensor
 * column of {@link WordVectors#dimensions()} values, the mean ({@link DocumentWeighting#MEAN}) or the
 * TF-IDF-weighted mean ({@link DocumentWeighting#TFIDF}, the idf fitted on the training texts) of the
 * vectors of the text's known words. A text with no known word becomes all zeros (the transform counts
 * them: {@link DocumentVectorTransform#emptyTexts()}). The fitted transform saves in pipelines and model
 * bundles with its word vectors.
 *
 * <pre>{@code
 * WordVectors words = WordVectors.word2vec().dimensions(100).minCount(5).train(train, "text");
 * Transform docs = DocumentVectors.of("text", words).weighting(DocumentWeighting.TFIDF).fit(train);
 * }</pre>
 */
public final class DocumentVectors implements Preprocessor {
    private final String column;
    private final WordVectors words;
    private DocumentWeighting weighting = DocumentWeighting.MEAN;
    private Tokenizer tokenizer = WordTokenizer.standard();
    private String output;

    private DocumentVectors(String column, WordVectors words) {
        this.column = Objects.requireNonNull(column, "column");
        this.words = Objects.requireNonNull(words, "words");
        this.output = column;
    }

    /** Document vectors of the text column {@code column} from {@code words}. */
    public static DocumentVectors of(String column, WordVectors words) {
        return new DocumentVectors(column, words);
    }

    /** The weighting (default {@link DocumentWeighting#MEAN}). */
    public DocumentVectors weighting(DocumentWeighting w) {
        this.weighting = Objects.requireNonNull(w, "weighting");
        return this;
    }

    /** The tokenizer that splits the texts (default {@link WordTokenizer#standard()}: use the one the vectors were trained with). */
    public DocumentVectors tokenizer(Tokenizer t) {
        this.tokenizer = Objects.requireNonNull(t, "tokenizer");
        return this;
    }

    /** The output column's name (default: the text column's, which it replaces). */
    public DocumentVectors output(String name) {
        this.output = Objects.requireNonNull(name, "output");
        return this;
    }

    /**
     * Fits the idf (for {@link DocumentWeighting#TFIDF}) on {@code data}'s texts.
     *
     * @throws ai.bigdata.core.prep.PreprocessingException when the column is missing or not text, or a text is null
     */
    @Override
    public DocumentVectorTransform fit(Dataset data) {
        TextColumns.check(column, output, data.schema());
        float[] idf = null;
        if (weighting == DocumentWeighting.TFIDF) {
            long[] df = new long[words.size()];
            long[] row = {0};
            data.forEachRow(r -> {
                Set<Integer> seen = new HashSet<>();
                for (String t : tokenizer.tokens(TextColumns.text(column, r.getString(column), row[0]++))) {
                    int w = words.indexOf(t);
                    if (w >= 0 && seen.add(w)) {
                        df[w]++;
                    }
                }
            });
            idf = new float[df.length];
            for (int w = 0; w < df.length; w++) {
                idf[w] = (float) (Math.log((1.0 + row[0]) / (1.0 + df[w])) + 1);
            }
        }
        return new DocumentVectorTransform(column, output, tokenizer, words, idf);
    }

    @Override
    public String toString() {
        return "document vectors (" + weighting + ") of '" + column + "' from " + words;
    }
}
