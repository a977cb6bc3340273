package ai.bigdata.nlp.embed;

/**
 * How a {@link SentenceEncoder} cuts and batches its input.
 *
 * @param maxTokens the most word pieces of one text, {@code [CLS]} and {@code [SEP]} included (2 to 512);
 *                  the rest of a longer text is cut off; default 256, the limit sentence-transformers sets for this model
 * @param batchSize the most texts in one ONNX Runtime run (at least 1; default 32)
 * @param threads   ONNX Runtime's intra-op threads; 0 keeps ONNX Runtime's default
 */
public record EncoderSettings(int maxTokens, int batchSize, int threads) {
    /** The model's position limit: no text can be longer than this many word pieces. */
    public static final int MODEL_MAX_TOKENS = 512;

    /** Checks the ranges. */
    public EncoderSettings {
        if (maxTokens < 2 || maxTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be in [2, " + MODEL_MAX_TOKENS + "], got " + maxTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (ONNX Runtime's choice) or more, got " + threads);
        }
    }

    /** 256 word pieces, batches of 32, ONNX Runtime's own thread count. */
    public static EncoderSettings defaults() {
        return new EncoderSettings(256, 32, 0);
    }

    /** These settings with another {@link #maxTokens()}. */
    public EncoderSettings withMaxTokens(int max) {
        return new EncoderSettings(max, batchSize, threads);
    }

    /** These settings with another {@link #batchSize()}. */
    public EncoderSettings withBatchSize(int size) {
        return new EncoderSettings(maxTokens, size, threads);
    }

    /** These settings with another {@link #threads()}. */
    public EncoderSettings withThreads(int count) {
        return new EncoderSettings(maxTokens, batchSize, count);
    }
}
