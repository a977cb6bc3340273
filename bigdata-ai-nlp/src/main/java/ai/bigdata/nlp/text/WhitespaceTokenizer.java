package ai.bigdata.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits on runs of whitespace and changes nothing else: the tokenizer for pre-tokenised documents
 * (scikit-learn's {@code tokenizer=str.split, lowercase=False}).
 */
public final class WhitespaceTokenizer implements Tokenizer {
    static final String TYPE = "whitespace";
    private static final WhitespaceTokenizer INSTANCE = new WhitespaceTokenizer();

    private WhitespaceTokenizer() {
    }

    /** The tokenizer. */
    public static WhitespaceTokenizer instance() {
        return INSTANCE;
    }

    @Override
    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("type", TYPE);
    }

    @Override
    public String toString() {
        return "whitespace tokenizer";
    }
}
