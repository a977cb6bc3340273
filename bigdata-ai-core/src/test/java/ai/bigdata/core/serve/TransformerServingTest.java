package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.InvalidTokenIdException;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.TokenSequences;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Transformer encoder in a bundle: the loaded bundle's predictor answers what the trained model
 * computes, 8 threads get the same answers as one, and a bad id in a request is a typed error.
 */
@ExtendWith(ArrowLeakCheck.class)
class TransformerServingTest {
    private static final int TIME = 10;

    @TempDir
    Path dir;

    @Test
    void aBundledTransformerServesTheModelsAnswersFromEightThreads() throws Exception {
        try (Dataset train = TokenSequences.dataset(32, TIME, 31)) {
            Transform prep = Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)).fit(train);
            NeuralNetwork model = NeuralNetwork.transformer().vocabulary(TokenSequences.VOCABULARY).width(8).heads(2).blocks(1).build();
            Trainer.builder().epochs(1).batchSize(16).seed(5).build().fit(model, train);
            Path file = dir.resolve("transformer.bundle");
            ModelBundle.of(prep, model, TokenSequences.schema(TIME)).save(file);
            List<Map<String, Object>> rows = TokenSequences.rows(24, TIME, 32);
            float[][] ids = new float[rows.size()][];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (float[]) rows.get(i).get("tokens");
            }
            float[][] expected = model.output(Nd4j.createFromArray(ids)).toFloatMatrix();
            Predictor predictor = Predictor.load(file, 4);
            List<Prediction> single = predictor.predictAll(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(single.get(i).values()[1]).as("row %d", i).isEqualTo(expected[i][1]);
            }
            PredictorReplicasTest.concurrently(8, () -> {
                for (int round = 0; round < 5; round++) {
                    assertThat(predictor.predictAll(rows)).isEqualTo(single);
                    assertThat(predictor.predict(rows.get(round))).isEqualTo(single.get(round));
                }
                return null;
            });
            float[] hostile = new float[TIME];
            hostile[3] = -1;
            assertThatThrownBy(() -> predictor.predict(Map.of("tokens", hostile))).isInstanceOf(InvalidTokenIdException.class)
                    .hasMessage("column 'tokens', row 0 of the batch, position 3: token id -1.0 is negative");
        }
    }
}
