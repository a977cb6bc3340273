package ai.bigdata.nlp.text;

import java.util.Locale;

/**
 * Receives a text's tokens one at a time ({@link Tokenizer#forEachToken}), so that a consumer such as a
 * vectoriser's term counter need not hold them in a list, and may read a plain token straight from the
 * text without making a {@code String} of it.
 */
@FunctionalInterface
public interface TokenSink {
    /** The next token. */
    void accept(String token);

    /**
     * The next token is {@code text.substring(from, to)}, ASCII letters, digits and apostrophes only,
     * lower-cased ({@link Locale#ROOT}) when {@code lowerCase} is true. By default the token is made and
     * handed to {@link #accept(String)}; a sink may instead read the characters where they are.
     */
    default void accept(String text, int from, int to, boolean lowerCase) {
        String token = text.substring(from, to);
        accept(lowerCase ? token.toLowerCase(Locale.ROOT) : token);
    }
}
