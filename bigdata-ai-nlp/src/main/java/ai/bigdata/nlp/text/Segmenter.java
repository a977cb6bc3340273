package ai.bigdata.nlp.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * One thread's Lucene {@code UAX29URLEmailTokenizer}, reused from text to text (it keeps state: not shared).
 * {@link #forEachFast} gives the same tokens as {@link #forEach(String, BiConsumer)} but reads the easy runs of
 * plain ASCII text itself (see {@link AsciiRuns}) and hands only the rest to Lucene.
 */
final class Segmenter {
    /** Lucene's type of a word of letters. */
    static final String WORD_TYPE = UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.ALPHANUM];
    /** Lucene's type of a number. */
    static final String NUMBER_TYPE = UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.NUM];

    /** Texts longer than this go to Lucene whole, so that the fast path's table of runs stays small (a few MB). */
    static final int FAST_PATH_CHARS = 1 << 20;

    private final UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer();
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
    private final Window window = new Window();
    private final AsciiRuns runs = new AsciiRuns();

    Segmenter() {
        tokenizer.setMaxTokenLength(WordTokenizer.MAX_TOKEN_LENGTH);
    }

    /** Calls {@code action} with the type (such as {@code <ALPHANUM>}, {@code <URL>}) and text of each token. */
    void forEach(String text, BiConsumer<String, String> action) {
        forEach(text, 0, text.length(), action);
    }

    /** As {@link #forEach(String, BiConsumer)} on {@code text.substring(from, to)}, without copying it. */
    void forEach(String text, int from, int to, BiConsumer<String, String> action) {
        try {
            window.open(text, from, to);
            tokenizer.setReader(window);
            tokenizer.reset();
            try {
                while (tokenizer.incrementToken()) {
                    action.accept(type.type(), term.toString());
                }
                tokenizer.end();
            } finally {
                tokenizer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Receives the tokens of {@link #forEachFast}: Lucene's, and the easy runs read without it. */
    interface FastVisitor extends BiConsumer<String, String> {
        /**
         * An easy run's token, {@code text.substring(from, to)}: all ASCII digits ({@code number}, what Lucene
         * types {@link #NUMBER_TYPE}) or ASCII letters and digits with apostrophes between letters
         * ({@link #WORD_TYPE}).
         */
        void easy(boolean number, String text, int from, int to);
    }

    /**
     * The same tokens as {@link #forEach(String, BiConsumer)}, in the same order: easy runs of ASCII letters or
     * digits go to {@link FastVisitor#easy}, the tokens Lucene gives for the spans between them to
     * {@code accept(type, token)}.
     */
    void forEachFast(String text, FastVisitor visitor) {
        if (text.length() > FAST_PATH_CHARS) {
            // the run table takes about 4 bytes per character: a huge text streams through Lucene instead
            forEach(text, visitor);
            return;
        }
        runs.split(text, new AsciiRuns.Visitor() {
            @Override
            public void easy(boolean number, int from, int to) {
                visitor.easy(number, text, from, to);
            }

            @Override
            public void hard(int from, int to) {
                forEach(text, from, to, visitor);
            }
        });
    }

    /** A reader of a window of a string, reopened for each text (Lucene closes it after each). */
    private static final class Window extends Reader {
        private String text;
        private int pos;
        private int end;

        void open(String s, int from, int to) {
            this.text = s;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= end) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            text.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            text = null;
        }
    }
}
