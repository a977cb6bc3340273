package ai.bigdata.nlp.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Word embeddings: one float vector of {@link #dimensions()} values per word of a vocabulary, learned by
 * {@link #word2vec()} (or any table given to {@link #of}). Immutable and thread-safe. Cosine similarity,
 * nearest words, and the JSON form ({@link #parameters()}: the words and the vectors as base64 of
 * little-endian float32) with which document-vector transforms save in bundles.
 */
public final class WordVectors {
    private final List<String> words;
    private final Map<String, Integer> index;
    private final float[] vectors;
    private final int dimensions;
    /** Each word's vector length, for cosines. */
    private final double[] norms;

    private WordVectors(List<String> words, float[] vectors, int dimensions) {
        this.words = List.copyOf(words);
        this.dimensions = dimensions;
        this.vectors = vectors;
        this.index = new HashMap<>(words.size() * 2);
        this.norms = new double[words.size()];
        for (int w = 0; w < words.size(); w++) {
            if (index.putIfAbsent(words.get(w), w) != null) {
                throw new IllegalArgumentException("word '" + words.get(w) + "' appears twice (positions " + index.get(words.get(w)) + " and " + w + ")");
            }
            double sum = 0;
            for (int d = 0; d < dimensions; d++) {
                float v = vectors[w * dimensions + d];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("the vector of '" + words.get(w) + "' has the value " + v + " at " + d);
                }
                sum += (double) v * v;
            }
            norms[w] = Math.sqrt(sum);
        }
    }

    /**
     * Word vectors from a table: {@code vectors} holds {@code words.size() x dimensions} values, word by word.
     *
     * @throws IllegalArgumentException for a length that does not match, a repeated word or a value that is not finite
     */
    public static WordVectors of(List<String> words, float[] vectors, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
        }
        if ((long) words.size() * dimensions != vectors.length) {
            throw new IllegalArgumentException(words.size() + " words of " + dimensions + " dimensions need " + (long) words.size() * dimensions
                    + " values, got " + vectors.length);
        }
        return new WordVectors(words, vectors.clone(), dimensions);
    }

    /** A trainer of Word2Vec embeddings (skip-gram with negative sampling, Deeplearning4j's implementation). */
    public static Word2VecTrainer word2vec() {
        return new Word2VecTrainer();
    }

    /** Values per vector. */
    public int dimensions() {
        return dimensions;
    }

    /** Words in the vocabulary. */
    public int size() {
        return words.size();
    }

    /** The vocabulary, in its stored order. */
    public List<String> words() {
        return words;
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** A copy of the vector of {@code word}, or empty when it is not in the vocabulary. */
    public Optional<float[]> vector(String word) {
        Integer w = index.get(word);
        if (w == null) {
            return Optional.empty();
        }
        float[] v = new float[dimensions];
        System.arraycopy(vectors, w * dimensions, v, 0, dimensions);
        return Optional.of(v);
    }

    /** The position of {@code word} in {@link #words()}, or -1. */
    int indexOf(String word) {
        Integer w = index.get(word);
        return w == null ? -1 : w;
    }

    /** Adds {@code weight} times the vector of word {@code w} to {@code sum}. */
    void addTo(double[] sum, int w, double weight) {
        int from = w * dimensions;
        for (int d = 0; d < dimensions; d++) {
            sum[d] += weight * vectors[from + d];
        }
    }

    /**
     * The cosine similarity of two words' vectors (0 when one of them is all zeros).
     *
     * @throws IllegalArgumentException when a word is not in the vocabulary
     */
    public double similarity(String a, String b) {
        return cosine(required(a), required(b));
    }

    /**
     * The {@code k} words whose vectors are most similar (cosine) to that of {@code word}, most similar
     * first, the word itself left out; ties by word order in the vocabulary.
     *
     * @throws IllegalArgumentException when the word is not in the vocabulary or {@code k < 1}
     */
    public List<WordNeighbour> nearest(String word, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int q = required(word);
        PriorityQueue<double[]> best = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(y[1], x[1]));
        for (int w = 0; w < words.size(); w++) {
            if (w == q) {
                continue;
            }
            best.add(new double[] {cosine(q, w), w});
            if (best.size() > k) {
                best.poll();
            }
        }
        List<WordNeighbour> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            double[] e = best.poll();
            out.add(new WordNeighbour(words.get((int) e[1]), e[0]));
        }
        Collections.reverse(out);
        return out;
    }

    private int required(String word) {
        Integer w = index.get(word);
        if (w == null) {
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary of " + words.size() + " words");
        }
        return w;
    }

    private double cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        double dot = 0;
        for (int d = 0; d < dimensions; d++) {
            dot += (double) vectors[a * dimensions + d] * vectors[b * dimensions + d];
        }
        return dot / (norms[a] * norms[b]);
    }

    /** JSON-ready form: {@code dimensions}, {@code words} and {@code vectors} (base64 of little-endian float32). */
    public Map<String, Object> parameters() {
        ByteBuffer bytes = ByteBuffer.allocate(vectors.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vectors);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dimensions", dimensions);
        p.put("words", words);
        p.put("vectors", Base64.getEncoder().encodeToString(bytes.array()));
        return p;
    }

    /**
     * The word vectors that {@link #parameters()} describe.
     *
     * @throws IllegalArgumentException for a missing or mistyped entry, bad base64, or a table that does not match
     */
    @SuppressWarnings("unchecked")
    public static WordVectors fromParameters(Map<String, Object> p) {
        if (!(p.get("dimensions") instanceof Number dims) || !(p.get("words") instanceof List<?> rawWords) || !(p.get("vectors") instanceof String b64)) {
            throw new IllegalArgumentException("word vectors need 'dimensions' (a number), 'words' (a list) and 'vectors' (base64 text); got the keys "
                    + p.keySet());
        }
        for (Object w : rawWords) {
            if (!(w instanceof String)) {
                throw new IllegalArgumentException("word vectors: a word is not text: " + w);
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("word vectors: 'vectors' is not base64: " + e.getMessage(), e);
        }
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("word vectors: " + bytes.length + " bytes of vectors is not a whole number of float32 values");
        }
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        if (dims.doubleValue() != Math.rint(dims.doubleValue()) || dims.doubleValue() < 1 || dims.doubleValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("word vectors: dimensions must be a whole number >= 1, got " + dims);
        }
        return of((List<String>) rawWords, values, dims.intValue());
    }

    @Override
    public String toString() {
        return words.size() + " word vectors of " + dimensions + " dimensions";
    }
}
