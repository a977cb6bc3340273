package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import ai.bigdata.nlp.text.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link TextVectorTransform}s back from JSON; registered with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/ai.bigdata.core.prep.TransformKind}, so fitted vectorisers save in pipelines and
 * model bundles.
 */
public final class TextVectorKind implements TransformKind {
    /** For {@link java.util.ServiceLoader}. */
    public TextVectorKind() {
    }

    @Override
    public String kind() {
        return TextVectorTransform.KIND;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Transform fromParameters(Map<String, Object> p) {
        try {
            Weighting weighting = Weighting.valueOf(string(p, "weighting"));
            TextVectorSettings s = new TextVectorSettings(string(p, "column"), string(p, "output"), weighting,
                    Tokenizers.fromParameters((Map<String, Object>) required(p, "tokenizer")), integer(p, "ngramMin"),
                    integer(p, "ngramMax"), bool(p, "binary"), bool(p, "sublinearTf"), bool(p, "smoothIdf"),
                    Norm.valueOf(string(p, "norm")), integer(p, "hashWidth"),
                    // saved before sparse output existed: dense
                    p.containsKey("sparse") && bool(p, "sparse"));
            if (weighting == Weighting.HASHING) {
                return new TextVectorTransform(s, null);
            }
            List<String> terms = new ArrayList<>();
            for (Object t : (List<Object>) required(p, "terms")) {
                terms.add((String) t);
            }
            List<Object> df = (List<Object>) required(p, "documentFrequencies");
            long[] dfs = new long[df.size()];
            for (int i = 0; i < dfs.length; i++) {
                dfs[i] = ((Number) df.get(i)).longValue();
            }
            return new TextVectorTransform(s, new Vocabulary(terms, dfs, ((Number) required(p, "documents")).longValue()));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(TextVectorTransform.KIND + ": a parameter has the wrong type: " + e.getMessage(), e);
        }
    }

    private static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException(TextVectorTransform.KIND + ": parameter '" + key + "' is missing");
        }
        return v;
    }

    private static String string(Map<String, Object> p, String key) {
        return (String) required(p, key);
    }

    private static int integer(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new IllegalArgumentException(TextVectorTransform.KIND + ": parameter '" + key + "' must be a whole number, got " + v);
        }
        return Math.toIntExact(((Number) v).longValue());
    }

    private static boolean bool(Map<String, Object> p, String key) {
        return (Boolean) required(p, key);
    }
}
