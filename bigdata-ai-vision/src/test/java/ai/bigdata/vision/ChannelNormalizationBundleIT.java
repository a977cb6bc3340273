package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A fitted channel normalisation travels in a model bundle and serves the same predictions. */
@ExtendWith(ArrowLeakCheck.class)
class ChannelNormalizationBundleIT {
    @TempDir
    Path dir;

    @Test
    void aBundleWithTheNormalisationPredictsAsTheInMemoryPipeline() {
        Path file = dir.resolve("model.zip");
        try (Dataset sample = FashionMnist.embeddedSample(); Dataset raw = sample.head(200)) {
            ChannelNormalizationTransform norm = ChannelNormalization.of("image").fit(raw);
            NeuralNetwork model = NeuralNetwork.logisticRegression().build();
            try (Dataset train = norm.apply(raw)) {
                Trainer.builder().epochs(1).batchSize(50).seed(1).build().fit(model, train);
            }
            ModelBundle.of(norm, model, raw.schema()).save(file);
            ModelBundle loaded = ModelBundle.load(file);
            assertThat(loaded.transform()).isInstanceOf(ChannelNormalizationTransform.class);
            assertThat(((ChannelNormalizationTransform) loaded.transform()).mean()).containsExactly(norm.mean());
            Predictor predictor = Predictor.of(loaded);
            try (Dataset normalised = norm.apply(raw);
                 Dataset expected = model.predict(normalised);
                 Dataset served = predictor.predict(raw)) {
                List<float[]> a = TestImages.tensors(expected, "probabilities");
                List<float[]> b = TestImages.tensors(served, "probabilities");
                assertThat(b).hasSize(200);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                }
            }
        }
    }
}
