package ai.bigdata.nlp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * A Unicode-aware word tokenizer. Lucene's {@code UAX29URLEmailTokenizer} splits the text: words by the
 * Unicode text segmentation rules (UAX #29: letters, marks and digits of any script, inner apostrophes as in
 * {@code don't}, one token per ideograph), URLs (with a scheme, or a host name with a known top-level domain)
 * and e-mail addresses as single tokens; numbers are digits with {@code .} or {@code ,} between groups. Tokens
 * longer than {@value #MAX_TOKEN_LENGTH} characters come in pieces of that length. Then, as configured:
 * URLs, e-mail addresses and numbers become the tokens {@code <url>}, {@code <email>} and {@code <number>}
 * (on by default); words are lower-cased ({@link Locale#ROOT}, on by default), accent-folded (NFC, then
 * Lucene's {@code ASCIIFoldingFilter}: {@code café} to {@code cafe}, {@code Straße} to {@code strasse};
 * on by default), dropped when shorter than the minimum length or a stop word, and stemmed. Runs of plain
 * ASCII letters or digits between white space (with some punctuation around them) skip Lucene, with the same
 * tokens as a result (see {@code AsciiRuns}).
 */
public final class WordTokenizer implements Tokenizer {
    static final String TYPE = "word";
    /** The token that stands for a URL. */
    public static final String URL = "<url>";
    /** The token that stands for an e-mail address. */
    public static final String EMAIL = "<email>";
    /** The token that stands for a number. */
    public static final String NUMBER = "<number>";

    /** Longest token Lucene's tokenizer gives whole (longer runs come in pieces of this length). */
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final ThreadLocal<Segmenter> SEGMENTER = ThreadLocal.withInitial(Segmenter::new);

    private final boolean lowercase;
    private final boolean foldAccents;
    private final boolean normaliseUrls;
    private final boolean normaliseEmails;
    private final boolean normaliseNumbers;
    private final int minLength;
    private final Set<String> stopWords;
    private final Stemmer stemmer;
    private final ThreadLocal<UnaryOperator<String>> stem;

    private WordTokenizer(Builder b) {
        this.lowercase = b.lowercase;
        this.foldAccents = b.foldAccents;
        this.normaliseUrls = b.normaliseUrls;
        this.normaliseEmails = b.normaliseEmails;
        this.normaliseNumbers = b.normaliseNumbers;
        this.minLength = b.minLength;
        this.stopWords = Set.copyOf(b.stopWords);
        this.stemmer = b.stemmer;
        Stemmer s = b.stemmer;
        this.stem = ThreadLocal.withInitial(s::newInstance);
    }

    /** The defaults: lower case, accents folded, URLs / e-mails / numbers normalised, no stop words, no stemming. */
    public static WordTokenizer standard() {
        return builder().build();
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<String> tokens(String text) {
        return tokens(text, true);
    }

    /**
     * The tokens of {@code text}; with {@code fastPath} false every part of the text goes through Lucene (the
     * reference that tests compare the fast path with: both give the same tokens).
     */
    List<String> tokens(String text, boolean fastPath) {
        List<String> out = new ArrayList<>();
        if (fastPath) {
            forEachToken(text, out::add);
        } else {
            UnaryOperator<String> st = stem.get();
            SEGMENTER.get().forEach(text, (type, raw) -> add(out::add, type, raw, st));
        }
        return out;
    }

    /**
     * {@inheritDoc} Plain runs of ASCII letters and digits come as ranges of {@code text} when no stop words or
     * stemmer need the word as a string.
     */
    @Override
    public void forEachToken(String text, TokenSink sink) {
        UnaryOperator<String> st = stem.get();
        boolean plain = stopWords.isEmpty() && stemmer == Stemmer.NONE;
        SEGMENTER.get().forEachFast(text, new Segmenter.FastVisitor() {
            @Override
            public void accept(String type, String raw) {
                add(sink, type, raw, st);
            }

            @Override
            public void easy(boolean number, String s, int from, int to) {
                if (number && normaliseNumbers) {
                    sink.accept(NUMBER); // all digits: a number
                } else if (plain) {
                    if (to - from >= minLength) {
                        sink.accept(s, from, to, lowercase); // ASCII: nothing to fold, one code point per char
                    }
                } else {
                    addWord(sink, s.substring(from, to), st);
                }
            }
        });
    }

    /** Adds the token (if any) for one of Lucene's tokens, by its type. */
    private void add(TokenSink out, String type, String raw, UnaryOperator<String> st) {
        switch (type) {
            case "<URL>" -> out.accept(normaliseUrls ? URL : word(trimTrailing(raw), false, st));
            case "<EMAIL>" -> out.accept(normaliseEmails ? EMAIL : word(raw, false, st));
            case "<NUM>" -> {
                if (normaliseNumbers && isNumber(raw)) {
                    out.accept(NUMBER);
                } else {
                    addWord(out, raw, st);
                }
            }
            default -> addWord(out, raw, st);
        }
    }

    /** A URL without the sentence punctuation that Lucene leaves at its end ({@code "see http://x.org/a."}). */
    private static String trimTrailing(String u) {
        int end = u.length();
        while (end > 1 && ".,;:!?".indexOf(u.charAt(end - 1)) >= 0) {
            end--;
        }
        return u.substring(0, end);
    }

    /** Digits with {@code .} or {@code ,} between groups (UAX #29 also calls "a1" or "1-2" numbers). */
    private static boolean isNumber(String raw) {
        boolean digitBefore = false;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                digitBefore = true;
            } else if ((c == '.' || c == ',') && digitBefore && i < raw.length()) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }

    private void addWord(TokenSink out, String raw, UnaryOperator<String> st) {
        String w = word(raw.replace('\u2019', '\''), true, st);
        if (w != null) {
            out.accept(w);
        }
    }

    /** The word as configured, or null when it is dropped (too short, a stop word). */
    private String word(String raw, boolean filter, UnaryOperator<String> st) {
        String w = lowercase ? raw.toLowerCase(Locale.ROOT) : raw;
        if (foldAccents) {
            w = fold(w);
        }
        if (!filter) {
            return w;
        }
        if (w.codePointCount(0, w.length()) < minLength || stopWords.contains(w)) {
            return null;
        }
        return st.apply(w);
    }

    private static String fold(String w) {
        boolean ascii = true;
        for (int i = 0; i < w.length() && ascii; i++) {
            ascii = w.charAt(i) < 0x80;
        }
        if (ascii) {
            return w;
        }
        char[] in = Normalizer.normalize(w, Normalizer.Form.NFC).toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE);
        p.put("lowercase", lowercase);
        p.put("foldAccents", foldAccents);
        p.put("normaliseUrls", normaliseUrls);
        p.put("normaliseEmails", normaliseEmails);
        p.put("normaliseNumbers", normaliseNumbers);
        p.put("minLength", minLength);
        p.put("stopWords", List.copyOf(new TreeSet<>(stopWords)));
        p.put("stemmer", stemmer.name());
        return p;
    }

    static WordTokenizer fromParameters(Map<String, Object> p) {
        Builder b = builder().lowercase(bool(p, "lowercase")).foldAccents(bool(p, "foldAccents"))
                .normaliseUrls(bool(p, "normaliseUrls")).normaliseEmails(bool(p, "normaliseEmails"))
                .normaliseNumbers(bool(p, "normaliseNumbers"))
                .minLength(((Number) Tokenizers.required(p, "minLength")).intValue())
                .stemmer(Stemmer.valueOf((String) Tokenizers.required(p, "stemmer")));
        List<String> words = new ArrayList<>();
        for (Object o : (List<?>) Tokenizers.required(p, "stopWords")) {
            words.add((String) o);
        }
        return b.stopWords(Set.copyOf(words)).build();
    }

    private static boolean bool(Map<String, Object> p, String key) {
        Object v = Tokenizers.required(p, key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("tokenizer parameter '" + key + "' must be true or false, got " + v);
        }
        return b;
    }

    @Override
    public String toString() {
        return "word tokenizer " + parameters();
    }

    /** Settings of a {@link WordTokenizer}. */
    public static final class Builder {
        private boolean lowercase = true;
        private boolean foldAccents = true;
        private boolean normaliseUrls = true;
        private boolean normaliseEmails = true;
        private boolean normaliseNumbers = true;
        private int minLength = 1;
        private Set<String> stopWords = Set.of();
        private Stemmer stemmer = Stemmer.NONE;

        private Builder() {
        }

        /** Lower-case words ({@link Locale#ROOT}); default true. */
        public Builder lowercase(boolean on) {
            this.lowercase = on;
            return this;
        }

        /** Fold accents and ligatures to ASCII where Lucene's {@code ASCIIFoldingFilter} knows how; default true. */
        public Builder foldAccents(boolean on) {
            this.foldAccents = on;
            return this;
        }

        /** Replace URLs by {@link #URL}; default true (otherwise the URL, case-folded as a word, is the token). */
        public Builder normaliseUrls(boolean on) {
            this.normaliseUrls = on;
            return this;
        }

        /** Replace e-mail addresses by {@link #EMAIL}; default true. */
        public Builder normaliseEmails(boolean on) {
            this.normaliseEmails = on;
            return this;
        }

        /** Replace numbers by {@link #NUMBER}; default true. */
        public Builder normaliseNumbers(boolean on) {
            this.normaliseNumbers = on;
            return this;
        }

        /** Drop words with fewer code points than this (after folding); default 1. */
        public Builder minLength(int codePoints) {
            if (codePoints < 1) {
                throw new IllegalArgumentException("minLength must be >= 1, got " + codePoints);
            }
            this.minLength = codePoints;
            return this;
        }

        /** Drop these words (compared after lower-casing and folding); see {@link StopWords}. */
        public Builder stopWords(Set<String> words) {
            this.stopWords = Set.copyOf(Objects.requireNonNull(words, "words"));
            return this;
        }

        /** Stem words (after stop words are dropped); default {@link Stemmer#NONE}. */
        public Builder stemmer(Stemmer s) {
            this.stemmer = Objects.requireNonNull(s, "stemmer");
            return this;
        }

        /** The tokenizer. */
        public WordTokenizer build() {
            return new WordTokenizer(this);
        }
    }
}
