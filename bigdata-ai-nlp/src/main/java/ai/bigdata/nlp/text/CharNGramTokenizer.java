package ai.bigdata.nlp.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Character n-grams inside word boundaries, as scikit-learn's {@code analyzer="char_wb"}: the text is
 * lower-cased ({@link Locale#ROOT}, optional), split on whitespace, each word padded with one space on each
 * side, and every n-gram of {@code min..max} code points of each padded word is a token (a padded word
 * shorter than n gives itself once, as scikit-learn does).
 */
public final class CharNGramTokenizer implements Tokenizer {
    static final String TYPE = "char_wb";
    private final int min;
    private final int max;
    private final boolean lowercase;

    private CharNGramTokenizer(int min, int max, boolean lowercase) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("character n-gram range needs 1 <= min <= max, got " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.lowercase = lowercase;
    }

    /** N-grams of {@code min} to {@code max} characters of lower-cased words. */
    public static CharNGramTokenizer of(int min, int max) {
        return new CharNGramTokenizer(min, max, true);
    }

    /** N-grams of {@code min} to {@code max} characters, lower-casing as asked. */
    public static CharNGramTokenizer of(int min, int max, boolean lowercase) {
        return new CharNGramTokenizer(min, max, lowercase);
    }

    @Override
    public List<String> tokens(String text) {
        String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> out = new ArrayList<>();
        for (String w : WhitespaceTokenizer.instance().tokens(t)) {
            int[] cps = (" " + w + " ").codePoints().toArray();
            for (int n = min; n <= max; n++) {
                int offset = 0;
                out.add(new String(cps, offset, Math.min(n, cps.length)));
                while (offset + n < cps.length) {
                    offset++;
                    out.add(new String(cps, offset, n));
                }
                if (offset == 0) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE);
        p.put("min", min);
        p.put("max", max);
        p.put("lowercase", lowercase);
        return p;
    }

    static CharNGramTokenizer fromParameters(Map<String, Object> p) {
        return new CharNGramTokenizer(((Number) Tokenizers.required(p, "min")).intValue(),
                ((Number) Tokenizers.required(p, "max")).intValue(), (Boolean) Tokenizers.required(p, "lowercase"));
    }

    @Override
    public String toString() {
        return "character n-grams " + min + ".." + max + " within words";
    }
}
