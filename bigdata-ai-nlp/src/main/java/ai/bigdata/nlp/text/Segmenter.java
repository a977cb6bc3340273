package ai.bigdata.nlp.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** One thread's Lucene {@code UAX29URLEmailTokenizer}, reused from text to text (it keeps state: not shared). */
final class Segmenter {
    private final UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer();
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);

    Segmenter() {
        tokenizer.setMaxTokenLength(WordTokenizer.MAX_TOKEN_LENGTH);
    }

    /** Calls {@code action} with the type (such as {@code <ALPHANUM>}, {@code <URL>}) and text of each token. */
    void forEach(String text, BiConsumer<String, String> action) {
        try {
            tokenizer.setReader(new StringReader(text));
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
}
