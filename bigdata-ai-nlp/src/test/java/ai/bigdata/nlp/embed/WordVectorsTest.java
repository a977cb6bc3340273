package ai.bigdata.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.text.WhitespaceTokenizer;
import ai.bigdata.nlp.vectorize.TextDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Word2Vec through Deeplearning4j, word vectors and document vectors, on a two-topic corpus. */
@ExtendWith(ArrowLeakCheck.class)
class WordVectorsTest {
    static final List<String> PETS = List.of("cat", "dog", "pet", "fur", "paw", "kitten", "puppy", "leash");
    static final List<String> MONEY = List.of("stock", "bond", "market", "price", "trade", "invest", "fund", "share");
    static List<String> corpus;
    static List<String> labels;
    static WordVectors vectors;

    /** Sentences of eight words, each from one topic plus a shared word or two. */
    @BeforeAll
    static void train() {
        Random rnd = new Random(11);
        corpus = new ArrayList<>();
        labels = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            boolean pets = rnd.nextBoolean();
            List<String> topic = pets ? PETS : MONEY;
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                s.append(j == 4 ? "the" : topic.get(rnd.nextInt(topic.size()))).append(' ');
            }
            corpus.add(s.toString().trim());
            labels.add(pets ? "a" : "b");
        }
        vectors = trainer().train(corpus);
    }

    private static Word2VecTrainer trainer() {
        return WordVectors.word2vec().tokenizer(WhitespaceTokenizer.instance()).dimensions(16).window(3).minCount(2).epochs(5).sampling(0).seed(7);
    }

    private static double meanSimilarity(List<String> a, List<String> b) {
        double sum = 0;
        int n = 0;
        for (String x : a) {
            for (String y : b) {
                if (!x.equals(y)) {
                    sum += vectors.similarity(x, y);
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void wordsOfOneTopicAreCloserThanWordsOfTwo() {
        assertThat(vectors.size()).isEqualTo(PETS.size() + MONEY.size() + 1);
        assertThat(vectors.dimensions()).isEqualTo(16);
        double within = (meanSimilarity(PETS, PETS) + meanSimilarity(MONEY, MONEY)) / 2;
        double across = meanSimilarity(PETS, MONEY);
        System.out.printf("mean cosine within a topic %.3f, across topics %.3f%n", within, across);
        assertThat(within).isGreaterThan(across + 0.3);
        assertThat(vectors.nearest("cat", 3)).allMatch(n -> PETS.contains(n.word()));
        assertThat(vectors.nearest("stock", 7)).extracting(WordNeighbour::word).doesNotContain("stock").allMatch(MONEY::contains);
    }

    @Test
    void theSameTextsAndSeedGiveTheSameVectorsWithOneWorker() {
        WordVectors again = trainer().train(corpus);
        assertThat(again.words()).isEqualTo(vectors.words());
        for (String w : vectors.words()) {
            assertThat(again.vector(w).orElseThrow()).as(w).containsExactly(vectors.vector(w).orElseThrow());
        }
    }

    @Test
    void parametersRoundTripBitForBitAndBadOnesAreNamed() {
        WordVectors back = WordVectors.fromParameters(vectors.parameters());
        assertThat(back.words()).isEqualTo(vectors.words());
        assertThat(back.vector("dog").orElseThrow()).containsExactly(vectors.vector("dog").orElseThrow());
        Map<String, Object> p = new HashMap<>(vectors.parameters());
        p.put("dimensions", 15);
        assertThatThrownBy(() -> WordVectors.fromParameters(p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need");
        p.put("dimensions", 16);
        p.put("vectors", "not base64!");
        assertThatThrownBy(() -> WordVectors.fromParameters(p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        p.remove("words");
        assertThatThrownBy(() -> WordVectors.fromParameters(p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'words'");
        assertThatThrownBy(() -> WordVectors.of(List.of("a", "b"), new float[] {1, Float.NaN}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> WordVectors.of(List.of("a", "a"), new float[] {1, 2}, 1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> vectors.similarity("cat", "zebra")).hasMessageContaining("'zebra'");
        assertThatThrownBy(() -> trainer().minCount(10_000).train(corpus)).hasMessageContaining("minCount");
        List<String> withNull = new ArrayList<>(corpus.subList(0, 3));
        withNull.add(null);
        assertThatThrownBy(() -> trainer().train(withNull)).hasMessageContaining("text 3 is null");
    }

    @Test
    void documentVectorsAreTheMeanOrTheIdfWeightedMeanOfKnownWords() {
        WordVectors small = WordVectors.of(List.of("x", "y"), new float[] {1, 0, 0, 1}, 2);
        try (Dataset docs = TextDatasets.labelled(List.of("x x y zzz", "x", "zzz"), List.of("a", "b", "a"), List.of("a", "b")); Dataset data = docs.drop("id")) {
            DocumentVectorTransform mean = DocumentVectors.of("text", small).tokenizer(WhitespaceTokenizer.instance()).fit(data);
            assertThat(mean.vector("x x y zzz")).containsExactly(2f / 3, 1f / 3);
            DocumentVectorTransform tfidf = DocumentVectors.of("text", small).tokenizer(WhitespaceTokenizer.instance())
                    .weighting(DocumentWeighting.TFIDF).fit(data);
            // three texts; x in 2 of them, y in 1: idf(x) = ln(4/3) + 1, idf(y) = ln(4/2) + 1
            double ix = Math.log(4.0 / 3) + 1;
            double iy = Math.log(2.0) + 1;
            float[] v = tfidf.vector("x x y zzz");
            assertThat((double) v[0]).isCloseTo(2 * ix / (2 * ix + iy), within(1e-6));
            assertThat((double) v[1]).isCloseTo(iy / (2 * ix + iy), within(1e-6));
            long before = tfidf.emptyTexts();
            try (Dataset out = tfidf.apply(data)) {
                assertThat(out.schema().column("text").width()).isEqualTo(2);
                List<float[]> rows = new ArrayList<>();
                out.forEachRow(r -> rows.add((float[]) r.get("text")));
                assertThat(rows.get(2)).containsExactly(0f, 0f);
            }
            assertThat(tfidf.emptyTexts() - before).isEqualTo(1);
        }
        try (Dataset docs = TextDatasets.labelled(new ArrayList<>(java.util.Arrays.asList("x", null)), List.of("a", "b"), List.of("a", "b")); Dataset data = docs.drop("id")) {
            assertThatThrownBy(() -> DocumentVectors.of("text", small).fit(data).apply(data)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("row 1");
        }
    }

    /** Document vectors travel in a bundle with their word vectors and idf: the predictor takes raw text. */
    @Test
    void documentVectorsServeFromABundle() throws Exception {
        Path file = Path.of("target", "text-bundle", "word2vec.bundle");
        Files.createDirectories(file.getParent());
        List<String> texts = corpus.subList(0, 200);
        List<Double> direct = new ArrayList<>();
        try (Dataset raw = TextDatasets.labelled(texts, labels.subList(0, 200), List.of("a", "b")); Dataset data = raw.drop("id")) {
            Transform docs = DocumentVectors.of("text", vectors).tokenizer(WhitespaceTokenizer.instance()).weighting(DocumentWeighting.TFIDF)
                    .fit(data);
            NeuralNetwork model = NeuralNetwork.logisticRegression().build();
            try (Dataset train = docs.apply(data)) {
                Trainer.builder().epochs(20).batchSize(16).optimizer(Optimizer.adam(0.05)).seed(1).build().fit(model, train);
                try (Dataset predicted = model.predict(train)) {
                    predicted.forEachRow(r -> direct.add((double) ((float[]) r.get("probabilities"))[1]));
                }
            }
            ModelBundle.of(docs, model, data.schema()).save(file);
        }
        Predictor predictor = Predictor.load(file);
        int right = 0;
        for (int i = 0; i < texts.size(); i++) {
            var p = predictor.predict(Map.of("text", texts.get(i)));
            assertThat(p.probabilities().get("b")).as(texts.get(i)).isCloseTo(direct.get(i), within(1e-6));
            right += p.label().equals(labels.get(i)) ? 1 : 0;
        }
        assertThat(right).isGreaterThan(190);
    }
}
