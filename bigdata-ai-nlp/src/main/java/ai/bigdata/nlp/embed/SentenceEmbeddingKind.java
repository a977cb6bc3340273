package ai.bigdata.nlp.embed;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import java.util.Map;

/**
 * Reads {@link SentenceEmbeddingTransform}s back from JSON; registered with {@link java.util.ServiceLoader}
 * so that sentence-embedding steps save in pipelines and model bundles.
 */
public final class SentenceEmbeddingKind implements TransformKind {
    /** For {@link java.util.ServiceLoader}. */
    public SentenceEmbeddingKind() {
    }

    @Override
    public String kind() {
        return SentenceEmbeddingTransform.KIND;
    }

    @Override
    public Transform fromParameters(Map<String, Object> p) {
        try {
            if (!SentenceEncoder.MODEL.equals(required(p, "model"))) {
                throw new IllegalArgumentException(SentenceEmbeddingTransform.KIND + ": model '" + p.get("model")
                        + "' is not known; this version has " + SentenceEncoder.MODEL);
            }
            EncoderSettings settings = new EncoderSettings(whole(p, "maxTokens"), whole(p, "batchSize"), whole(p, "threads"));
            return new SentenceEmbeddingTransform((String) required(p, "column"), (String) required(p, "output"), settings);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(SentenceEmbeddingTransform.KIND + ": a parameter has the wrong type: " + e.getMessage(), e);
        }
    }

    private static int whole(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new IllegalArgumentException(SentenceEmbeddingTransform.KIND + ": parameter '" + key + "' must be a whole number, got " + v);
        }
        return Math.toIntExact(((Number) v).longValue());
    }

    private static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException(SentenceEmbeddingTransform.KIND + ": parameter '" + key + "' is missing");
        }
        return v;
    }
}
