package ai.bigdata.nlp.g2p;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import java.util.Map;

/**
 * Reads {@link PronunciationCodes} back from JSON; registered with {@link java.util.ServiceLoader} so that
 * the fitted codes save in pipelines and model bundles.
 */
public final class PronunciationCodesKind implements TransformKind {
    /** For {@link java.util.ServiceLoader}. */
    public PronunciationCodesKind() {
    }

    @Override
    public String kind() {
        return PronunciationCodes.KIND;
    }

    @Override
    public Transform fromParameters(Map<String, Object> p) {
        return new PronunciationCodes(PronunciationColumns.fromParameters(p), Kinds.strings(p, "alphabet"), Kinds.strings(p, "inventory"),
                Kinds.positive(p, "maxLetters"), Kinds.positive(p, "maxPhonemes"), Kinds.bool(p, "unknownLetters"));
    }
}
