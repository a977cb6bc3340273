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

    /** JSON-ready description, including a {@code "type"} entry that {@link Tokenizers#fromParameters} reads. */
    Map<String, Object> parameters();
}
