package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.text.BpeTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fitted TF-IDF step, dense or sparse, travels in a model bundle: the predictor takes raw text and answers
 * as the model did.
 */
@ExtendWith(ArrowLeakCheck.class)
class TextBundleTest {
    private static final List<String> TEXTS = List.of("win free money now", "free offer click here", "claim your free prize",
            "meeting at noon", "see the minutes of the meeting", "lunch with the team at noon");
    private static final List<String> LABELS = List.of("b", "b", "b", "a", "a", "a");

    @ParameterizedTest(name = "sparse {0}")
    @ValueSource(booleans = {false, true})
    void predictorTakesRawText(boolean sparse) throws Exception {
        roundTrip(TextVectorizer.tfidf("text").sublinearTf(true).sparse(sparse).build(), "spam-" + (sparse ? "sparse" : "dense"), TEXTS);
    }

    /** A subword tokenizer's merges travel in the bundle: unseen word forms are split the same way when serving. */
    @Test
    void subwordTokensTravelInTheBundle() throws Exception {
        BpeTokenizer bpe = BpeTokenizer.trainer().merges(40).train(TEXTS);
        List<String> unseen = List.of("winning freebies", "meetings at noontime", "claims of prizes");
        assertThat(bpe.tokens("winning freebies")).anyMatch(t -> t.startsWith(BpeTokenizer.CONTINUATION));
        roundTrip(TextVectorizer.tfidf("text").tokenizer(bpe).build(), "spam-bpe", unseen);
    }

    /** Fits {@code vectorizer} and a model on the texts, saves both, and checks the predictor against the model on {@code queries}. */
    private static void roundTrip(TextVectorizer vectorizer, String name, List<String> queries) throws Exception {
        Path file = Path.of("target", "text-bundle", name + ".bundle");
        Files.createDirectories(file.getParent());
        List<double[]> direct = new ArrayList<>();
        List<String> directLabels = new ArrayList<>();
        try (Dataset raw = TextDatasets.labelled(TEXTS, LABELS); Dataset data = raw.drop("id");
                Dataset rawQueries = TextDatasets.labelled(queries, LABELS.subList(0, queries.size())); Dataset asked = rawQueries.drop("id")) {
            Transform tfidf = vectorizer.fit(data);
            NeuralNetwork model = NeuralNetwork.logisticRegression().build();
            try (Dataset train = tfidf.apply(data); Dataset query = tfidf.apply(asked)) {
                Trainer.builder().epochs(30).batchSize(2).optimizer(Optimizer.adam(0.1)).seed(1).build().fit(model, train);
                try (Dataset predicted = model.predict(train)) {
                    predicted.forEachRow(r -> directLabels.add(r.getString("prediction")));
                }
                assertThat(directLabels).isEqualTo(LABELS);
                try (Dataset predicted = model.predict(query)) {
                    predicted.forEachRow(r -> direct.add(floats((float[]) r.get("probabilities"))));
                }
            }
            ModelBundle.of(tfidf, model, data.schema()).save(file);
        }
        Predictor predictor = Predictor.load(file);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(predictor.predict(Map.of("text", TEXTS.get(i))).label()).as(TEXTS.get(i)).isEqualTo(LABELS.get(i));
        }
        for (int i = 0; i < queries.size(); i++) {
            Prediction p = predictor.predict(Map.of("text", queries.get(i)));
            assertThat(p.probabilities().get("b")).as(queries.get(i)).isEqualTo(direct.get(i)[1], org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    private static double[] floats(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
