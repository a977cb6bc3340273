package ai.bigdata.nlp.corpus;

import java.util.List;

/**
 * The text decoded from one document, with notes on every fall-back that was needed to get it (an unknown
 * or wrong declared charset, for example). An empty list of notes means the document decoded as declared.
 *
 * @param text  the decoded text
 * @param notes one line per fall-back taken
 */
public record DecodedText(String text, List<String> notes) {
    /** Copies the notes. */
    public DecodedText {
        notes = List.copyOf(notes);
    }
}
