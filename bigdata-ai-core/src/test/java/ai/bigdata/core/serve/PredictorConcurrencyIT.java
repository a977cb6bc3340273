package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Unknown;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The full concurrency check of serving: 8 threads x 10,000 predictions through one predictor each for
 * a dense network (single rows on the plain-Java path, batches of 100 on the native path) and a
 * recurrent one, while lazy predictions over a memory-mapped file are read; every answer equals the
 * single-threaded one and the replicas stay within their bound.
 */
@ExtendWith(ArrowLeakCheck.class)
class PredictorConcurrencyIT {
    @Test
    void eightThreadsTimesTenThousandPredictionsEqualSingleThreaded() throws Exception {
        Path dir = Files.createTempDirectory("predictor-it");
        ServeFixtures.Trained mlp = ServeFixtures.tabularBundle(dir, Unknown.ERROR, 5);
        ServeFixtures.Trained lstm = ServeFixtures.sequenceBundle(dir);
        Predictor dense = Predictor.load(mlp.file(), 4);
        Predictor recurrent = Predictor.load(lstm.file(), 4);
        List<Map<String, Object>> rows = ServeFixtures.tabularRows(100, 77);
        List<Map<String, Object>> sequences = ServeFixtures.sequenceRows(100, 78);
        List<Prediction> denseBatch = dense.predictAll(rows);
        List<Prediction> denseSingles = rows.stream().map(dense::predict).toList();
        List<Prediction> recurrentBatch = recurrent.predictAll(sequences);
        List<Prediction> recurrentSingles = sequences.stream().limit(20).map(recurrent::predict).toList();
        Path arrow = dir.resolve("rows.arrow");
        try (Dataset data = ServeFixtures.tabular(2_000, 79)) {
            data.writeArrow(arrow);
        }
        try (Dataset streamed = Dataset.readArrow(arrow); Dataset lazy = dense.predict(streamed)) {
            List<String> lazyAnswer = PredictorReplicasTest.probabilities(lazy);
            PredictorReplicasTest.concurrently(8, () -> {
                for (int round = 0; round < 20; round++) {
                    // per round: 2 x 100 batched + 100 + 20 single predictions, and 2,000 lazy ones every fifth round
                    assertThat(dense.predictAll(rows)).isEqualTo(denseBatch);
                    for (int i = 0; i < rows.size(); i++) {
                        assertThat(dense.predict(rows.get(i))).isEqualTo(denseSingles.get(i));
                    }
                    assertThat(recurrent.predictAll(sequences)).isEqualTo(recurrentBatch);
                    for (int i = 0; i < recurrentSingles.size(); i++) {
                        assertThat(recurrent.predict(sequences.get(i))).isEqualTo(recurrentSingles.get(i));
                    }
                    if (round % 5 == 0) {
                        assertThat(PredictorReplicasTest.probabilities(lazy)).isEqualTo(lazyAnswer);
                    }
                }
                return null;
            });
        }
        assertThat(dense.replicasCreated()).isBetween(1, 4);
        assertThat(recurrent.replicasCreated()).isBetween(1, 4);
    }
}
