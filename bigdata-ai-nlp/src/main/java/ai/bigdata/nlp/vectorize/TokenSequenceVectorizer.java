package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fits a token vocabulary on a text column and turns each text into a fixed-length sequence of token
 * ids, the input of core's {@code NeuralNetwork.transformer()}. Id 0 is padding, id 1 an unknown token,
 * the vocabulary's tokens follow from id 2 by descending count (ties by code point); tokens seen fewer
 * than {@code minCount} times are left out, and at most {@code maxSize} are kept. The fitted
 * {@link TokenSequenceTransform} writes a float32 tensor column {@code [maxLength]}: the first
 * {@code maxLength} tokens (longer texts are truncated), then padding.
 */
public final class TokenSequenceVectorizer implements Preprocessor {
    private final String column;
    private final String output;
    private final Tokenizer tokenizer;
    private final long minCount;
    private final int maxSize;
    private final int maxLength;

    private TokenSequenceVectorizer(Builder b) {
        this.column = b.column;
        this.output = b.output == null ? b.column : b.output;
        this.tokenizer = b.tokenizer;
        this.minCount = b.minCount;
        this.maxSize = b.maxSize;
        this.maxLength = b.maxLength;
    }

    /** A builder over the text column {@code column}, with sequences of {@code maxLength} ids. */
    public static Builder of(String column, int maxLength) {
        return new Builder(column, maxLength);
    }

    /**
     * Counts the tokens of every text and keeps the vocabulary.
     *
     * @throws PreprocessingException when the column is missing, not text, has a null (naming the row) or
     *     no token reaches the minimum count
     */
    @Override
    public TokenSequenceTransform fit(Dataset data) {
        TextColumns.check(column, output, data.schema());
        TermCounts counts = new TermCounts();
        long[] row = {0};
        data.forEachRow(r -> {
            counts.addDocument(tokenizer.tokens(TextColumns.text(column, r.getString(column), row[0])));
            row[0]++;
        });
        List<Integer> kept = new ArrayList<>();
        for (int id = 0; id < counts.size(); id++) {
            if (counts.total(id) >= minCount) {
                kept.add(id);
            }
        }
        kept.sort((a, b) -> counts.total(a) != counts.total(b) ? Long.compare(counts.total(b), counts.total(a))
                : Vocabulary.CODE_POINT_ORDER.compare(counts.term(a), counts.term(b)));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Math.min(maxSize, kept.size()); i++) {
            tokens.add(counts.term(kept.get(i)));
        }
        if (tokens.isEmpty()) {
            throw new PreprocessingException(column, "no token occurs " + minCount + " times or more in " + row[0] + " texts");
        }
        return new TokenSequenceTransform(column, output, tokenizer, maxLength, tokens);
    }

    @Override
    public String toString() {
        return "token sequences of '" + column + "' (" + maxLength + " ids, min count " + minCount + ", at most " + maxSize
                + " tokens, " + tokenizer + ")";
    }

    /** Options of a {@link TokenSequenceVectorizer}. */
    public static final class Builder {
        private final String column;
        private final int maxLength;
        private String output;
        private Tokenizer tokenizer = WordTokenizer.standard();
        private long minCount = 1;
        private int maxSize = 20_000;

        private Builder(String column, int maxLength) {
            this.column = Objects.requireNonNull(column, "column");
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive, got " + maxLength);
            }
            this.maxLength = maxLength;
        }

        /** The output column's name (default: the text column's, which it replaces). */
        public Builder output(String name) {
            this.output = Objects.requireNonNull(name, "output");
            return this;
        }

        /** The tokenizer (default {@link WordTokenizer#standard()}). */
        public Builder tokenizer(Tokenizer t) {
            this.tokenizer = Objects.requireNonNull(t, "tokenizer");
            return this;
        }

        /** The fewest occurrences a token needs to get an id (default 1). */
        public Builder minCount(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("minCount must be at least 1, got " + count);
            }
            this.minCount = count;
            return this;
        }

        /** The most tokens the vocabulary keeps, the most frequent first (default 20,000; ids 0 and 1 come on top). */
        public Builder maxSize(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxSize must be positive, got " + count);
            }
            this.maxSize = count;
            return this;
        }

        /** The vectoriser. */
        public TokenSequenceVectorizer build() {
            return new TokenSequenceVectorizer(this);
        }
    }
}
