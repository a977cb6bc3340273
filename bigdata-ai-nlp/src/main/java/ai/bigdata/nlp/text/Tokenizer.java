package ai.bigdata.nlp.text;

import java.util.List;
import java.util.Map;

/**
 * Splits a text into tokens. Implementations are immutable and thread-safe, and describe themselves by
 * {@link #parameters()} so that a fitted vectoriser that uses one saves and loads with it
 * ({@link Tokenizers#fromParameters(Map)}).
 */
public interface Tokenizer {
    /** The tokens of {@code text}, in order. */
    List<String> tokens(String text);

    /**
     * Hands {@code sink} the tokens of {@code text}, the same as {@link #tokens(String)} and in the same order,
     * without a list. Tokenizers that can give plain tokens as ranges of the text do so
     * ({@link TokenSink#accept(String, int, int, boolean)}); by default every token goes to
     * {@link TokenSink#accept(String)}.
     */
    default void forEachToken(String text, TokenSink sink) {
        for (String token : tokens(text)) {
            sink.accept(token);
        }
    }

    /** JSON-ready description, including a {@code "type"} entry that {@link Tokenizers#fromParameters} reads. */
    Map<String, Object> parameters();
}
