package ai.bigdata.nlp.g2p;

import java.util.List;
import java.util.Objects;

/**
 * One dictionary entry: a spelling (the base word, without a {@code (1)}-style alternate suffix), its
 * phonemes in order, and the line of the file it came from.
 *
 * @param word the spelling as the dictionary writes it (CMUdict: upper case)
 * @param phonemes the ARPAbet phonemes, with stress digits or without, as read
 * @param line the 1-based line of the file, or 0 for an entry made in code
 */
public record Pronunciation(String word, List<String> phonemes, long line) {
    /** Copies the phoneme list and refuses empty values. */
    public Pronunciation {
        Objects.requireNonNull(word, "word");
        phonemes = List.copyOf(phonemes);
        if (word.isEmpty() || phonemes.isEmpty()) {
            throw new IllegalArgumentException("a pronunciation needs a spelling and at least one phoneme, got '" + word + "' "
                    + phonemes);
        }
    }

    /** The phonemes separated by single spaces, as the dictionary writes them. */
    public String phonemeText() {
        return String.join(" ", phonemes);
    }
}
