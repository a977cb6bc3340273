package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applying a fitted vectoriser to the dataset it was fitted on reuses the term ids that fitting read (one
 * tokenization): the result is exactly that of applying it to an equal dataset, tokenized afresh, and of
 * applying it to the fitted dataset a second time (the ids are used once).
 */
@ExtendWith(ArrowLeakCheck.class)
class FitMemoTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tfidf dense", "tfidf sparse", "counts bigrams", "tfidf capped"})
    void theFittedDatasetGivesTheSameVectorsAsAnEqualOne(String setting) {
        Random rnd = new Random(5);
        String[] vocabulary = {"free", "money", "meeting", "noon", "win", "the", "a", "report", "claim", "café"};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = rnd.nextInt(12); j > 0; j--) {
                s.append(vocabulary[rnd.nextInt(vocabulary.length)]).append(rnd.nextInt(5) == 0 ? "s " : " ");
            }
            texts.add(s.toString());
        }
        TextVectorizer vectorizer = switch (setting) {
            case "tfidf dense" -> TextVectorizer.tfidf("text").sublinearTf(true).build();
            case "tfidf sparse" -> TextVectorizer.tfidf("text").sparse(true).build();
            case "counts bigrams" -> TextVectorizer.counts("text").ngrams(1, 2).build();
            default -> TextVectorizer.tfidf("text").maxFeatures(5).minDocuments(3).build();
        };
        try (Dataset fitted = TextDatasets.of(texts); Dataset equal = TextDatasets.of(texts)) {
            TextVectorTransform t = vectorizer.fit(fitted);
            List<String> memo = rows(t, fitted);
            List<String> fresh = rows(t, equal);
            List<String> again = rows(t, fitted);
            assertThat(memo).hasSize(300).isEqualTo(fresh).isEqualTo(again);
            // apply counts terms in a scratch array, one text alone sorts them: the same vectors
            for (int i = 0; i < texts.size(); i++) {
                double[] v = t.vector(texts.get(i));
                float[] f = new float[v.length];
                for (int k = 0; k < v.length; k++) {
                    f[k] = (float) v[k];
                }
                String alone = setting.equals("tfidf sparse") ? String.valueOf(t.sparseVector(texts.get(i))) : Arrays.toString(f);
                assertThat(fresh.get(i)).as("text %d", i).isEqualTo(alone);
            }
        }
    }

    /** The point of it: fitting and applying to the same dataset tokenizes each text once. */
    @org.junit.jupiter.api.Test
    void theFittedDatasetIsTokenizedOnce() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ai.bigdata.nlp.text.Tokenizer counting = new ai.bigdata.nlp.text.Tokenizer() {
            @Override
            public List<String> tokens(String text) {
                calls.incrementAndGet();
                return ai.bigdata.nlp.text.WhitespaceTokenizer.instance().tokens(text);
            }

            @Override
            public java.util.Map<String, Object> parameters() {
                return ai.bigdata.nlp.text.WhitespaceTokenizer.instance().parameters();
            }
        };
        try (Dataset data = TextDatasets.of(List.of("a b", "b c", "c d a"))) {
            TextVectorTransform t = TextVectorizer.tfidf("text").tokenizer(counting).build().fit(data);
            assertThat(calls.get()).isEqualTo(3);
            rows(t, data);
            assertThat(calls.get()).isEqualTo(3);
            rows(t, data);
            assertThat(calls.get()).isEqualTo(6);
        }
    }

    private static List<String> rows(TextVectorTransform t, Dataset data) {
        List<String> out = new ArrayList<>();
        try (Dataset v = t.apply(data)) {
            v.forEachRow(r -> {
                Object cell = r.get("features");
                out.add(cell instanceof float[] f ? Arrays.toString(f) : String.valueOf(cell));
            });
        }
        return out;
    }
}
