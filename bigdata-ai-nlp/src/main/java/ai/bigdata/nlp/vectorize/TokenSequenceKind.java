package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import ai.bigdata.nlp.text.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link TokenSequenceTransform}s back from JSON; registered with {@link java.util.ServiceLoader}
 * so that fitted token-sequence vectorisers save in pipelines and model bundles.
 */
public final class TokenSequenceKind implements TransformKind {
    /** For {@link java.util.ServiceLoader}. */
    public TokenSequenceKind() {
    }

    @Override
    public String kind() {
        return TokenSequenceTransform.KIND;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Transform fromParameters(Map<String, Object> p) {
        try {
            Object length = required(p, "maxLength");
            if (!(length instanceof Integer || length instanceof Long) || ((Number) length).longValue() < 1) {
                throw new IllegalArgumentException(TokenSequenceTransform.KIND + ": parameter 'maxLength' must be a positive whole"
                        + " number, got " + length);
            }
            List<String> tokens = new ArrayList<>();
            for (Object t : (List<Object>) required(p, "tokens")) {
                tokens.add((String) t);
            }
            return new TokenSequenceTransform((String) required(p, "column"), (String) required(p, "output"),
                    Tokenizers.fromParameters((Map<String, Object>) required(p, "tokenizer")),
                    Math.toIntExact(((Number) length).longValue()), tokens);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(TokenSequenceTransform.KIND + ": a parameter has the wrong type: " + e.getMessage(), e);
        }
    }

    private static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException(TokenSequenceTransform.KIND + ": parameter '" + key + "' is missing");
        }
        return v;
    }
}
