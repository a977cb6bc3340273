package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.text.Tokenizers;
import ai.bigdata.nlp.text.WordTokenizer;
import java.util.Objects;

/**
 * Turns a text column into a float32 tensor column: term counts, TF-IDF or feature hashing, with
 * scikit-learn's definitions ({@code CountVectorizer}, {@code TfidfVectorizer}, {@code HashingVectorizer}).
 * Unfitted and immutable; {@link #fit} learns the vocabulary (and document frequencies) from the training
 * data and returns a {@link TextVectorTransform} that saves in pipelines and model bundles.
 *
 * <p>The output is dense by default, one float per vocabulary term, so the vocabulary is capped by
 * {@link Builder#maxFeatures(int)} (default 10,000). With {@link Builder#sparse(boolean)} it is a sparse
 * column (core's {@code ColumnType.SPARSE}: the non-zero values only, densified per batch by the batch
 * iterator), and the vocabulary is not capped unless asked.
 *
 * <pre>{@code
 * Transform tfidf = TextVectorizer.tfidf("text").sublinearTf(true).maxFeatures(20_000).build().fit(train);
 * Transform full = TextVectorizer.tfidf("text").sublinearTf(true).sparse(true).build().fit(train);
 * }</pre>
 */
public final class TextVectorizer implements Preprocessor {
    /** The most columns a dense vectoriser writes: one tensor cell must stay within core's cell limit. */
    public static final int MAX_WIDTH = (int) Math.min(Integer.MAX_VALUE, DatasetWriter.MAX_TENSOR_CELL_BYTES / Float.BYTES);

    /** The vocabulary cap of a dense vectoriser unless {@link Builder#maxFeatures(int)} sets one. */
    public static final int DEFAULT_MAX_FEATURES = 10_000;

    private final TextVectorSettings settings;
    private final long minDocuments;
    private final double maxDocumentFraction;
    private final int maxFeatures;

    private TextVectorizer(Builder b) {
        this.settings = new TextVectorSettings(b.column, b.output, b.weighting, b.tokenizer, b.ngramMin, b.ngramMax,
                b.binary, b.sublinearTf, b.smoothIdf, b.norm, b.weighting == Weighting.HASHING ? b.hashWidth : 0, b.sparse);
        this.minDocuments = b.minDocuments;
        this.maxDocumentFraction = b.maxDocumentFraction;
        this.maxFeatures = b.maxFeatures > 0 ? checkWidth(b.maxFeatures, "features", b.sparse)
                : b.sparse ? Integer.MAX_VALUE : DEFAULT_MAX_FEATURES;
    }

    /** Term counts of {@code column} (no norm by default). */
    public static Builder counts(String column) {
        return new Builder(column, Weighting.COUNTS).norm(Norm.NONE);
    }

    /** TF-IDF of {@code column}: smooth idf, L2 norm, raw term frequency by default, as scikit-learn. */
    public static Builder tfidf(String column) {
        return new Builder(column, Weighting.TFIDF).norm(Norm.L2);
    }

    /**
     * Feature hashing of {@code column} into {@code width} columns (L2 norm by default, as scikit-learn). A
     * dense output allows at most {@link #MAX_WIDTH} columns, a sparse one any positive {@code int} (checked by
     * {@link Builder#build()}).
     */
    public static Builder hashing(String column, int width) {
        Builder b = new Builder(column, Weighting.HASHING).norm(Norm.L2);
        b.hashWidth = checkWidth(width, "hashed columns", true);
        return b;
    }

    /**
     * Learns the vocabulary from {@code data} (nothing for hashing).
     *
     * @throws PreprocessingException when the column is missing, not text, or has a null (naming the row)
     */
    @Override
    public TextVectorTransform fit(Dataset data) {
        checkInput(settings, data.schema());
        if (settings.weighting() == Weighting.HASHING) {
            return new TextVectorTransform(settings, null, null);
        }
        TermCounts counts = new TermCounts();
        FitMemo.Recorder memo = new FitMemo.Recorder();
        long[] row = {0};
        data.forEachRow(r -> {
            String text = TextColumns.text(settings.column(), r.getString(settings.column()), row[0]);
            memo.add(count(counts, text));
            row[0]++;
        });
        long n = counts.documents();
        if (n == 0) {
            throw new PreprocessingException(settings.column(), "cannot fit a vocabulary on zero documents");
        }
        long maxDocs = (long) Math.floor(maxDocumentFraction * n);
        Vocabulary vocabulary = Vocabulary.select(counts, minDocuments, maxDocs, maxFeatures);
        int[] toVocabulary = new int[counts.size()];
        for (int id = 0; id < toVocabulary.length; id++) {
            toVocabulary[id] = vocabulary.indexOf(counts.term(id));
        }
        return new TextVectorTransform(settings, vocabulary, memo.finish(data, toVocabulary));
    }

    /** Counts the terms of one text; single words stream from the tokenizer without a list. */
    private int[] count(TermCounts counts, String text) {
        if (settings.ngramMin() == 1 && settings.ngramMax() == 1) {
            TermCounts.DocumentSink sink = counts.document();
            settings.tokenizer().forEachToken(text, sink);
            return sink.ids();
        }
        return counts.addDocument(TextVectorTransform.terms(settings, text));
    }

    static void checkInput(TextVectorSettings s, Schema schema) {
        TextColumns.check(s.column(), s.output(), schema);
    }

    /** Checks a number of columns: at most {@link #MAX_WIDTH} for a dense output, any positive int for a sparse one. */
    static int checkWidth(int width, String what, boolean sparse) {
        int max = sparse ? Integer.MAX_VALUE : MAX_WIDTH;
        if (width < 1 || width > max) {
            throw new IllegalArgumentException("number of " + what + " must be in [1, " + max + "]" + (sparse ? ""
                    : " for a dense output (a sparse one, Builder.sparse(true), allows more)") + ", got " + width);
        }
        return width;
    }

    @Override
    public String toString() {
        return "TextVectorizer[" + settings + ", minDocuments " + minDocuments + ", maxDocumentFraction "
                + maxDocumentFraction + ", maxFeatures " + maxFeatures + "]";
    }

    /** Settings of a {@link TextVectorizer}. */
    public static final class Builder {
        private final String column;
        private final Weighting weighting;
        private String output = "features";
        private Tokenizer tokenizer = WordTokenizer.standard();
        private int ngramMin = 1;
        private int ngramMax = 1;
        private boolean binary;
        private boolean sublinearTf;
        private boolean smoothIdf = true;
        private Norm norm = Norm.L2;
        private long minDocuments = 1;
        private double maxDocumentFraction = 1.0;
        private int maxFeatures;
        private int hashWidth;
        private boolean sparse;

        private Builder(String column, Weighting weighting) {
            this.column = Objects.requireNonNull(column, "column");
            this.weighting = weighting;
        }

        /** Name of the tensor column written in place of the text column (default {@code features}). */
        public Builder output(String name) {
            this.output = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How texts are split (default {@link WordTokenizer#standard()}). */
        public Builder tokenizer(Tokenizer t) {
            this.tokenizer = Objects.requireNonNull(t, "tokenizer");
            return this;
        }

        /** Word n-grams from {@code min} to {@code max} tokens (default 1..1); see {@link Tokenizers#ngrams}. */
        public Builder ngrams(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("n-gram range needs 1 <= min <= max, got " + min + ".." + max);
            }
            this.ngramMin = min;
            this.ngramMax = max;
            return this;
        }

        /** Counts become 0 or 1 (default false). */
        public Builder binary(boolean on) {
            this.binary = on;
            return this;
        }

        /** Term frequency {@code 1 + ln(tf)} (default false). */
        public Builder sublinearTf(boolean on) {
            this.sublinearTf = on;
            return this;
        }

        /** Smooth idf, as if one document held every term (default true). */
        public Builder smoothIdf(boolean on) {
            this.smoothIdf = on;
            return this;
        }

        /** Final scaling of each document vector. */
        public Builder norm(Norm n) {
            this.norm = Objects.requireNonNull(n, "norm");
            return this;
        }

        /** Keep only terms found in at least this many training documents (scikit-learn's integer {@code min_df}; default 1). */
        public Builder minDocuments(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("minDocuments must be >= 1, got " + count);
            }
            this.minDocuments = count;
            return this;
        }

        /** Drop terms found in more than this fraction of training documents ({@code max_df}; default 1.0). */
        public Builder maxDocumentFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxDocumentFraction must be in (0, 1], got " + fraction);
            }
            this.maxDocumentFraction = fraction;
            return this;
        }

        /**
         * Keep at most this many terms, the most frequent ones ({@code max_features}; default
         * 10,000 for a dense output, no cap for a sparse one). A dense output allows
         * at most {@link TextVectorizer#MAX_WIDTH} (checked by {@link #build()}).
         */
        public Builder maxFeatures(int count) {
            this.maxFeatures = checkWidth(count, "features", true);
            return this;
        }

        /**
         * Write a sparse column (index / value entries of the non-zero values, core's {@code ColumnType.SPARSE})
         * instead of a dense float32 tensor column (default false: dense). The numbers are the same; a sparse
         * column stores only a document's own terms, so the vocabulary need not be capped.
         */
        public Builder sparse(boolean on) {
            this.sparse = on;
            return this;
        }

        /**
         * The vectoriser.
         *
         * @throws IllegalArgumentException when document-count limits are set for hashing, or a dense output
         *     would be wider than {@link TextVectorizer#MAX_WIDTH}
         */
        public TextVectorizer build() {
            if (weighting == Weighting.HASHING && (minDocuments != 1 || maxDocumentFraction != 1.0)) {
                throw new IllegalArgumentException("document-count limits need a vocabulary; hashing has none");
            }
            return new TextVectorizer(this);
        }
    }
}
