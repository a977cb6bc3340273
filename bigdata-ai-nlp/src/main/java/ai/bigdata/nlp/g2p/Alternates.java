package ai.bigdata.nlp.g2p;

/** What the CMUdict reader does with alternate pronunciations ({@code WORD(1)}, {@code WORD(2)}, ...). */
public enum Alternates {
    /** Keep the first pronunciation of each word (the one without a suffix), skip the alternates. */
    FIRST,
    /** Keep every pronunciation; the entries of one word share its base spelling. */
    ALL
}
