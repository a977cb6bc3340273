package ai.bigdata.nlp.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** Stop word lists. */
public final class StopWords {
    private StopWords() {
    }

    /** Lucene's English stop words ({@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}, 33 words), lower case. */
    public static Set<String> english() {
        Set<String> out = new TreeSet<>();
        for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            out.add(new String((char[]) o));
        }
        return Set.copyOf(out);
    }

    /** {@code words} lower-cased ({@link Locale#ROOT}) into a set. */
    public static Set<String> of(Collection<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(new TreeSet<>(out));
    }
}
