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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fitted TF-IDF step, dense or sparse, travels in a model bundle: the predictor takes raw text and answers
 * as the model did.
 */
@ExtendWith(ArrowLeakCheck.class)
class TextBundleTest {
    @ParameterizedTest(name = "sparse {0}")
    @ValueSource(booleans = {false, true})
    void predictorTakesRawText(boolean sparse) throws Exception {
        List<String> texts = List.of("win free money now", "free offer click here", "claim your free prize",
                "meeting at noon", "see the minutes of the meeting", "lunch with the team at noon");
        List<String> labels = List.of("b", "b", "b", "a", "a", "a");
        Path file = Path.of("target", "text-bundle", "spam-" + (sparse ? "sparse" : "dense") + ".bundle");
        Files.createDirectories(file.getParent());
        List<double[]> direct = new ArrayList<>();
        try (Dataset raw = TextDatasets.labelled(texts, labels); Dataset data = raw.drop("id")) {
            Transform tfidf = TextVectorizer.tfidf("text").sublinearTf(true).sparse(sparse).build().fit(data);
            NeuralNetwork model = NeuralNetwork.logisticRegression().build();
            try (Dataset train = tfidf.apply(data)) {
                Trainer.builder().epochs(30).batchSize(2).optimizer(Optimizer.adam(0.1)).seed(1).build().fit(model, train);
                try (Dataset predicted = model.predict(train)) {
                    predicted.forEachRow(r -> direct.add(floats((float[]) r.get("probabilities"))));
                }
            }
            ModelBundle.of(tfidf, model, data.schema()).save(file);
        }
        Predictor predictor = Predictor.load(file);
        for (int i = 0; i < texts.size(); i++) {
            Prediction p = predictor.predict(Map.of("text", texts.get(i)));
            assertThat(p.label()).as(texts.get(i)).isEqualTo(labels.get(i));
            assertThat(p.probabilities().get("b")).as(texts.get(i)).isEqualTo(direct.get(i)[1], org.assertj.core.api.Assertions.within(1e-6));
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
