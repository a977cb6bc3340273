package ai.bigdata.nlp.g2p;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four column names of grapheme-to-phoneme data: the spelling and pronunciation (text) and the id
 * columns {@link PronunciationCodes} writes in their place.
 *
 * @param word the spelling column (text)
 * @param phonemes the pronunciation column (text, phonemes separated by spaces)
 * @param letterIds the letter-id column written in place of {@code word}
 * @param phonemeIds the phoneme-id column written in place of {@code phonemes}
 */
public record PronunciationColumns(String word, String phonemes, String letterIds, String phonemeIds) {
    /** The names used by {@link Pronunciations#dataset}: word, phonemes, letter_ids, phoneme_ids. */
    public static final PronunciationColumns DEFAULT = new PronunciationColumns("word", "phonemes", "letter_ids", "phoneme_ids");

    /** Refuses null names. */
    public PronunciationColumns {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(phonemes, "phonemes");
        Objects.requireNonNull(letterIds, "letterIds");
        Objects.requireNonNull(phonemeIds, "phonemeIds");
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("word", word);
        p.put("phonemes", phonemes);
        p.put("letterIds", letterIds);
        p.put("phonemeIds", phonemeIds);
        return p;
    }

    static PronunciationColumns fromParameters(Map<String, Object> p) {
        return new PronunciationColumns(Kinds.string(p, "word"), Kinds.string(p, "phonemes"), Kinds.string(p, "letterIds"),
                Kinds.string(p, "phonemeIds"));
    }
}
