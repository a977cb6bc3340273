package ai.bigdata.nlp.g2p;

import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a bundled grapheme-to-phoneme model: a spelling in, its phonemes out. It is core's
 * {@link Predictor} (the bundle's {@link PronunciationCodes} turn the spelling into letter ids, the
 * encoder-decoder decodes phoneme ids) plus the codes' phoneme list to read the ids back. Thread-safe
 * as the predictor is.
 */
public final class Pronouncer {
    private final Predictor predictor;
    private final PronunciationCodes codes;

    private Pronouncer(Predictor predictor, PronunciationCodes codes) {
        this.predictor = predictor;
        this.codes = codes;
    }

    /**
     * A pronouncer of a bundle whose transform is {@link PronunciationCodes}.
     *
     * @throws IllegalArgumentException when the bundle's transform is something else
     */
    public static Pronouncer of(ModelBundle bundle) {
        if (!(bundle.transform() instanceof PronunciationCodes codes)) {
            throw new IllegalArgumentException("the bundle's transform is " + bundle.transform().kind() + ", not "
                    + PronunciationCodes.KIND + ": it is no grapheme-to-phoneme model");
        }
        return new Pronouncer(Predictor.of(bundle), codes);
    }

    /** A pronouncer of the bundle file. */
    public static Pronouncer load(Path bundleFile) {
        return of(ModelBundle.load(bundleFile));
    }

    /**
     * The phonemes of one spelling (upper-cased first).
     *
     * @throws UncodableSymbolException for a letter the model was not trained on, a spelling longer than its
     *     column, or an empty spelling
     */
    public List<String> pronounce(String spelling) {
        return codes.phonemes(predictor.predict(Map.of(codes.columns().word(), spelling)).values());
    }

    /** The phonemes of each spelling, in order (one batch through the model). */
    public List<List<String>> pronounceAll(List<String> spellings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String s : spellings) {
            rows.add(Map.of(codes.columns().word(), s));
        }
        List<List<String>> out = new ArrayList<>();
        predictor.predictAll(rows).forEach(p -> out.add(codes.phonemes(p.values())));
        return out;
    }
}
