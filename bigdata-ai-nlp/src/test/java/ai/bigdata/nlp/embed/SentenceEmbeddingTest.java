package ai.bigdata.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.vectorize.TextDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sentence-embedding step: a tensor column [384], saved as JSON, bundled with a classifier head and served. */
@ExtendWith(ArrowLeakCheck.class)
class SentenceEmbeddingTest {
    static final List<String> TEXTS = List.of("win free money now", "claim your free prize today",
            "cheap pills, no prescription needed", "the meeting moved to noon on Friday",
            "please review the attached minutes", "lunch with the team after the release");
    static final List<String> LABELS = List.of("spam", "spam", "spam", "ham", "ham", "ham");

    @Test
    void writesTheEncodersVectorsAndSavesAsJson() {
        try (Dataset data = labelled(TEXTS, LABELS)) {
            Transform t = SentenceEmbedding.of("text").output("embedding").fit(data);
            Schema out = t.outputSchema(data.schema());
            assertThat(out.names()).containsExactly("id", "embedding", "label");
            assertThat(out.column("embedding").type()).isEqualTo(ColumnType.TENSOR);
            assertThat(out.column("embedding").shape()).containsExactly(384);
            Transform loaded = TransformJson.read(TransformJson.write(t));
            assertThat(loaded.parameters()).isEqualTo(t.parameters());
            assertThat(t.parameters()).containsEntry("model", "all-MiniLM-L6-v2").containsEntry("maxTokens", 256);
            List<float[]> vectors = new ArrayList<>();
            try (Dataset a = t.apply(data); Dataset b = loaded.apply(data)) {
                a.forEachRow(r -> vectors.add((float[]) r.get("embedding")));
                List<float[]> again = new ArrayList<>();
                b.forEachRow(r -> again.add((float[]) r.get("embedding")));
                assertThat(again).hasSize(TEXTS.size());
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(again.get(i)).containsExactly(vectors.get(i));
                }
                List<String> ids = new ArrayList<>();
                a.forEachRow(r -> ids.add(r.getString("id") + "/" + r.getString("label")));
                assertThat(ids).containsExactly("doc0/spam", "doc1/spam", "doc2/spam", "doc3/ham", "doc4/ham", "doc5/ham");
            }
            float[][] direct = SharedEncoders.get(EncoderSettings.defaults()).embedAll(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(SentenceEncoderTest.maxDifference(vectors.get(i), direct[i])).isLessThanOrEqualTo(1e-6);
            }
        }
    }

    @Test
    void aNullTextIsAnErrorNamingColumnAndRow() {
        try (Dataset data = labelled(Arrays.asList("fine", null), List.of("ham", "spam"))) {
            Transform t = SentenceEmbedding.of("text").fit(data);
            assertThatThrownBy(() -> t.apply(data).close()).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("text").hasMessageContaining("row 1");
            assertThatThrownBy(() -> SentenceEmbedding.of("label").fit(data)).isInstanceOf(PreprocessingException.class);
            assertThatThrownBy(() -> TransformJson.read(TransformJson.write(t).replace("all-MiniLM-L6-v2", "other")))
                    .hasMessageContaining("model 'other'");
        }
    }

    @Test
    void aBundledClassifierHeadServesRawText() throws Exception {
        Path file = Path.of("target", "sentence-embedding", "head.bundle");
        Files.createDirectories(file.getParent());
        List<Float> direct = new ArrayList<>();
        try (Dataset raw = labelled(TEXTS, LABELS); Dataset data = raw.drop("id")) {
            Transform embed = SentenceEmbedding.of("text").fit(data);
            NeuralNetwork head = NeuralNetwork.logisticRegression().build();
            try (Dataset train = embed.apply(data)) {
                Trainer.builder().epochs(40).batchSize(2).optimizer(Optimizer.adam(0.05)).seed(1).build().fit(head, train);
                try (Dataset predicted = head.predict(train)) {
                    predicted.forEachRow(r -> direct.add(((float[]) r.get("probabilities"))[1]));
                }
            }
            ModelBundle.of(embed, head, data.schema()).save(file);
        }
        Predictor predictor = Predictor.load(file);
        for (int i = 0; i < TEXTS.size(); i++) {
            Prediction p = predictor.predict(Map.of("text", TEXTS.get(i)));
            assertThat(p.label()).as(TEXTS.get(i)).isEqualTo(LABELS.get(i));
            assertThat(p.probabilities().get("spam")).isEqualTo(direct.get(i), within(1e-6));
        }
        // an unseen text: the head generalises through the encoder's meaning, not through shared words
        assertThat(predictor.predict(Map.of("text", "you have won a cash reward, click to collect")).label()).isEqualTo("spam");
    }

    static Dataset labelled(List<String> texts, List<String> labels) {
        return TextDatasets.labelled(texts, labels, List.of("ham", "spam"));
    }
}
