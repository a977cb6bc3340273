package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.text.WordTokenizer;
import ai.bigdata.nlp.vectorize.TextColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;

/**
 * Trains {@link WordVectors} by Word2Vec (Mikolov et al., 2013): skip-gram with negative sampling, run by
 * Deeplearning4j's implementation over the tokens of this library's {@link Tokenizer} (by default
 * {@link WordTokenizer#standard()}), so that the words match those of the other text steps. Words seen
 * fewer than {@link #minCount(int)} times get no vector. With one worker (the default) the same texts and
 * seed give the same vectors; more workers train faster but not reproducibly.
 */
public final class Word2VecTrainer {
    private Tokenizer tokenizer = WordTokenizer.standard();
    private int dimensions = 100;
    private int window = 5;
    private int minCount = 5;
    private int epochs = 5;
    private int negative = 5;
    private double learningRate = 0.025;
    private double sampling = 1e-3;
    private long seed = 42;
    private int workers = 1;

    Word2VecTrainer() {
    }

    /** The tokenizer that splits texts into words (default {@link WordTokenizer#standard()}). */
    public Word2VecTrainer tokenizer(Tokenizer t) {
        this.tokenizer = Objects.requireNonNull(t, "tokenizer");
        return this;
    }

    /** Values per vector (default 100). */
    public Word2VecTrainer dimensions(int n) {
        this.dimensions = atLeast(1, n, "dimensions");
        return this;
    }

    /** Words on each side of a word that count as its context (default 5). */
    public Word2VecTrainer window(int n) {
        this.window = atLeast(1, n, "window");
        return this;
    }

    /** The fewest occurrences a word needs for a vector (default 5). */
    public Word2VecTrainer minCount(int n) {
        this.minCount = atLeast(1, n, "minCount");
        return this;
    }

    /** Passes over the texts (default 5). */
    public Word2VecTrainer epochs(int n) {
        this.epochs = atLeast(1, n, "epochs");
        return this;
    }

    /** Negative samples per context word (default 5). */
    public Word2VecTrainer negative(int n) {
        this.negative = atLeast(1, n, "negative");
        return this;
    }

    /** The starting learning rate, decayed linearly over training (default 0.025). */
    public Word2VecTrainer learningRate(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + rate);
        }
        this.learningRate = rate;
        return this;
    }

    /** The threshold for down-sampling frequent words (default 1e-3; 0 keeps every occurrence). */
    public Word2VecTrainer sampling(double threshold) {
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("sampling must be >= 0, got " + threshold);
        }
        this.sampling = threshold;
        return this;
    }

    /** The seed of the initial vectors and the negative samples (default 42). */
    public Word2VecTrainer seed(long s) {
        this.seed = s;
        return this;
    }

    /** Training threads (default 1: reproducible; more are faster, but their results vary from run to run). */
    public Word2VecTrainer workers(int n) {
        this.workers = atLeast(1, n, "workers");
        return this;
    }

    /**
     * Learns vectors from the text column {@code column} of {@code data}.
     *
     * @throws PreprocessingException when the column is missing or not text, or a row is null (naming it)
     * @throws IllegalArgumentException when no word occurs {@link #minCount(int)} times
     */
    public WordVectors train(Dataset data, String column) {
        TextColumns.check(column, column, data.schema());
        List<String> texts = new ArrayList<>();
        long[] row = {0};
        data.forEachRow(r -> texts.add(TextColumns.text(column, r.getString(column), row[0]++)));
        return train(texts);
    }

    /**
     * Learns vectors from {@code texts}.
     *
     * @throws IllegalArgumentException when a text is null (naming its position) or no word occurs
     *     {@link #minCount(int)} times
     */
    public WordVectors train(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null; drop or fill missing texts before training");
            }
        }
        Word2Vec w2v = new Word2Vec.Builder()
                .iterate(new CollectionSentenceIterator(texts))
                .tokenizerFactory(new TokenizerAdapter(tokenizer))
                .layerSize(dimensions).windowSize(window).minWordFrequency(minCount).epochs(epochs).iterations(1)
                .negativeSample(negative).useHierarchicSoftmax(false).learningRate(learningRate).minLearningRate(1e-4)
                .sampling(sampling).seed(seed).workers(workers).allowParallelTokenization(false)
                .build();
        try {
            w2v.fit();
        } catch (IllegalStateException e) {
            if (w2v.getVocab() == null || w2v.getVocab().numWords() == 0) {
                throw new IllegalArgumentException("no word occurs " + minCount + " times in the " + texts.size() + " texts; lower minCount", e);
            }
            throw e;
        }
        List<String> words = new ArrayList<>(w2v.getVocab().words());
        words.sort(null); // a stable order, whatever the vocabulary's hash order
        float[] vectors = new float[Math.multiplyExact(words.size(), dimensions)];
        for (int w = 0; w < words.size(); w++) {
            double[] v = w2v.getWordVector(words.get(w));
            for (int d = 0; d < dimensions; d++) {
                vectors[w * dimensions + d] = (float) v[d];
            }
        }
        return WordVectors.of(words, vectors, dimensions);
    }

    private static int atLeast(int min, int n, String name) {
        if (n < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "Word2Vec skip-gram, " + dimensions + " dimensions, window " + window + ", min count " + minCount + ", " + epochs
                + " epochs, " + negative + " negative samples, seed " + seed;
    }
}
