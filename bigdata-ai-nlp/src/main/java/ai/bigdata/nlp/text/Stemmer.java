package ai.bigdata.nlp.text;

import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.PorterStemmer;

/** Word stemmers, from the Snowball implementations that Lucene ships. */
public enum Stemmer {
    /** No stemming. */
    NONE(null),
    /** Martin Porter's original English stemmer (1980). */
    PORTER(PorterStemmer::new),
    /** Snowball's English stemmer ("Porter2"), the better default for English. */
    ENGLISH(EnglishStemmer::new);

    private final Supplier<SnowballStemmer> factory;

    Stemmer(Supplier<SnowballStemmer> factory) {
        this.factory = factory;
    }

    /** A stemming function for one thread (Snowball stemmers keep state); identity for {@link #NONE}. */
    java.util.function.UnaryOperator<String> newInstance() {
        if (factory == null) {
            return s -> s;
        }
        SnowballStemmer s = factory.get();
        return w -> {
            s.setCurrent(w);
            s.stem();
            return s.getCurrent();
        };
    }
}
