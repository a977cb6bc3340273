package ai.bigdata.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads tokenizers back from their {@link Tokenizer#parameters()}, and makes word n-grams. */
public final class Tokenizers {
    private Tokenizers() {
    }

    /**
     * The tokenizer that {@code parameters} describe.
     *
     * @throws IllegalArgumentException for an unknown type or a missing or mistyped parameter
     */
    public static Tokenizer fromParameters(Map<String, Object> parameters) {
        Object type = required(parameters, "type");
        try {
            if (WhitespaceTokenizer.TYPE.equals(type)) {
                return WhitespaceTokenizer.instance();
            } else if (WordTokenizer.TYPE.equals(type)) {
                return WordTokenizer.fromParameters(parameters);
            } else if (CharNGramTokenizer.TYPE.equals(type)) {
                return CharNGramTokenizer.fromParameters(parameters);
            } else if (BpeTokenizer.TYPE.equals(type)) {
                return BpeTokenizer.fromParameters(parameters);
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("tokenizer parameters " + parameters + " have a value of the wrong type", e);
        }
        throw new IllegalArgumentException("unknown tokenizer type '" + type + "' (known: "
                + WhitespaceTokenizer.TYPE + ", " + WordTokenizer.TYPE + ", " + CharNGramTokenizer.TYPE + ", " + BpeTokenizer.TYPE + ")");
    }

    /**
     * Word n-grams of {@code tokens} for n in {@code min..max}, joined by one space, as scikit-learn's
     * {@code ngram_range} makes them (all 1-grams, then all 2-grams, ...).
     */
    public static List<String> ngrams(List<String> tokens, int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("n-gram range needs 1 <= min <= max, got " + min + ".." + max);
        }
        if (min == 1 && max == 1) {
            return tokens;
        }
        List<String> out = new ArrayList<>();
        int size = tokens.size();
        for (int n = min; n <= Math.min(max, size); n++) {
            for (int i = 0; i + n <= size; i++) {
                out.add(n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n)));
            }
        }
        return out;
    }

    static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("tokenizer parameter '" + key + "' is missing in " + p);
        }
        return v;
    }
}
