package ai.bigdata.nlp.embed;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import ai.bigdata.nlp.text.Tokenizers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;

/**
 * Reads {@link DocumentVectorTransform}s back from JSON; registered with {@link java.util.ServiceLoader} so
 * that document-vector steps save in pipelines and model bundles.
 */
public final class DocumentVectorKind implements TransformKind {
    /** For {@link java.util.ServiceLoader}. */
    public DocumentVectorKind() {
    }

    @Override
    public String kind() {
        return DocumentVectorTransform.KIND;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Transform fromParameters(Map<String, Object> p) {
        try {
            WordVectors words = WordVectors.fromParameters((Map<String, Object>) required(p, "words"));
            float[] idf = null;
            if (p.get("idf") != null) {
                byte[] bytes = Base64.getDecoder().decode((String) p.get("idf"));
                if (bytes.length != words.size() * 4L) {
                    throw new IllegalArgumentException(DocumentVectorTransform.KIND + ": " + bytes.length + " bytes of idf for "
                            + words.size() + " words");
                }
                idf = new float[words.size()];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(idf);
                for (int w = 0; w < idf.length; w++) {
                    if (!Float.isFinite(idf[w]) || idf[w] <= 0) {
                        throw new IllegalArgumentException(DocumentVectorTransform.KIND + ": the idf of '" + words.words().get(w) + "' is " + idf[w]);
                    }
                }
            }
            return new DocumentVectorTransform((String) required(p, "column"), (String) required(p, "output"),
                    Tokenizers.fromParameters((Map<String, Object>) required(p, "tokenizer")), words, idf);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(DocumentVectorTransform.KIND + ": a parameter has the wrong type: " + e.getMessage(), e);
        }
    }

    private static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException(DocumentVectorTransform.KIND + ": parameter '" + key + "' is missing");
        }
        return v;
    }
}
