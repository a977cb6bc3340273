package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.InvalidTokenIdException;
import ai.bigdata.core.model.Reversals;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An encoder-decoder in a bundle: the loaded bundle's predictor answers the ids the trained model
 * decodes (greedy and beam search), 8 threads get the same answers as one, and a source id outside the
 * vocabulary in a request is a typed error naming the position.
 */
@ExtendWith(ArrowLeakCheck.class)
class Seq2SeqServingTest {
    @TempDir
    Path dir;

    @Test
    void aBundledEncoderDecoderServesTheModelsDecodingFromEightThreads() throws Exception {
        Seq2SeqNetwork model = Seq2SeqNetwork.attention().sourceVocabulary(Reversals.IDS).targetVocabulary(Reversals.IDS).embedding(8)
                .hidden(16).beamWidth(2).build();
        try (Dataset train = Reversals.dataset(256, 61)) {
            Trainer.builder().epochs(2).batchSize(32).seed(5).optimizer(Optimizer.adam(1e-2)).build().fit(model, train);
            Path file = dir.resolve("reverse.bundle");
            ModelBundle.of(Preprocessor.identity().fit(train), model, Reversals.SCHEMA).save(file);
        }
        List<Map<String, Object>> rows = Reversals.rows(24, 62).stream().map(r -> Map.of("source", r.get("source"))).toList();
        float[][] sources = new float[rows.size()][];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = (float[]) rows.get(i).get("source");
        }
        double[][] expected = model.output(Nd4j.createFromArray(sources)).toDoubleMatrix();
        assertThat(java.util.Arrays.stream(expected).flatMapToDouble(java.util.Arrays::stream).filter(id -> id != 0).count())
                .as("the trained model decodes ids, not only the end symbol").isGreaterThan(rows.size());
        Predictor predictor = Predictor.load(dir.resolve("reverse.bundle"), 4);
        List<Prediction> single = predictor.predictAll(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(single.get(i).values()).as("row %d", i).containsExactly(expected[i]);
        }
        PredictorReplicasTest.concurrently(8, () -> {
            for (int round = 0; round < 5; round++) {
                assertThat(predictor.predictAll(rows)).isEqualTo(single);
                assertThat(predictor.predict(rows.get(round))).isEqualTo(single.get(round));
            }
            return null;
        });
        float[] hostile = new float[Reversals.TIME];
        hostile[0] = 3;
        hostile[2] = Reversals.IDS;
        assertThatThrownBy(() -> predictor.predict(Map.of("source", hostile))).isInstanceOf(InvalidTokenIdException.class)
                .hasMessageContaining("column 'source', row 0 of the batch, position 2");
    }
}
