package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Unknown;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The predictor owns its network copies, bounds them, and gives single-threaded answers from many
 * threads for single rows (the plain-Java path), batches over 32 rows (the native path), a recurrent
 * network (no plain-Java path) and lazy predictions over a memory-mapped file.
 */
@ExtendWith(ArrowLeakCheck.class)
class PredictorReplicasTest {
    @TempDir
    static Path dir;
    static ServeFixtures.Trained lstm;
    static ServeFixtures.Trained mlp;

    @BeforeAll
    static void train() {
        mlp = ServeFixtures.tabularBundle(dir, Unknown.ERROR, 5);
        lstm = ServeFixtures.sequenceBundle(dir);
    }

    @Test
    void laterTrainingOfTheCallersModelChangesNoPrediction() {
        ServeFixtures.Trained own = ServeFixtures.tabularBundle(dir.resolve("own"), Unknown.ERROR, 3);
        Predictor p = Predictor.of(own.bundle());
        List<Map<String, Object>> batch = ServeFixtures.tabularRows(100, 99);
        List<Prediction> before = p.predictAll(batch);
        Prediction single = p.predict(batch.get(0));
        Path arrow = dir.resolve("rows.arrow");
        try (Dataset rows = ServeFixtures.tabular(100, 99)) {
            rows.writeArrow(arrow);
        }
        List<String> lazyBefore;
        try (Dataset streamed = Dataset.readArrow(arrow); Dataset lazy = p.predict(streamed)) {
            assertThat(streamed.inMemory()).isFalse();
            lazyBefore = probabilities(lazy);
        }
        try (Dataset streamed = Dataset.readArrow(arrow); Dataset lazy = p.predict(streamed)) {
            // the caller trains its model further while a lazy prediction dataset is still unread
            try (Dataset more = ServeFixtures.tabular(400, 8); Dataset features = own.prep().apply(more)) {
                Trainer.builder().epochs(5).batchSize(16).seed(9).build().fit(own.model(), features);
            }
            assertThat(Predictor.of(ModelBundle.of(own.prep(), own.model(), ServeFixtures.TABULAR).save(dir.resolve("later.bundle")))
                    .predictAll(batch)).as("the further training changed the caller's model").isNotEqualTo(before);
            assertThat(probabilities(lazy)).isEqualTo(lazyBefore);
        }
        assertThat(p.predictAll(batch)).isEqualTo(before);
        assertThat(p.predict(batch.get(0))).isEqualTo(single);
    }

    @Test
    void replicasAreBoundedAndEightThreadsGiveSingleThreadedAnswers() throws Exception {
        Predictor p = Predictor.of(mlp.bundle(), 2);
        List<Map<String, Object>> batch = ServeFixtures.tabularRows(100, 21);
        List<Prediction> batchAnswer = p.predictAll(batch);
        List<Prediction> singleAnswers = batch.stream().limit(20).map(p::predict).toList();
        List<List<Prediction>> got = concurrently(8, () -> {
            List<Prediction> mine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                assertThat(p.predictAll(batch)).isEqualTo(batchAnswer);
                for (Map<String, Object> r : batch.subList(0, 20)) {
                    mine.add(p.predict(r));
                }
            }
            return mine;
        });
        for (List<Prediction> mine : got) {
            for (int i = 0; i < mine.size(); i++) {
                assertThat(mine.get(i)).isEqualTo(singleAnswers.get(i % 20));
            }
        }
        assertThat(p.maxReplicas()).isEqualTo(2);
        assertThat(p.replicasCreated()).isBetween(1, 2);
        assertThat(Predictor.of(mlp.bundle()).maxReplicas()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> Predictor.of(mlp.bundle(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxReplicas must be at least 1, got 0");
    }

    @Test
    void aRecurrentNetworkFromEightThreadsGivesSingleThreadedAnswers() throws Exception {
        Predictor p = Predictor.load(lstm.file(), 3);
        List<Map<String, Object>> rows = ServeFixtures.sequenceRows(40, 5);
        List<Prediction> batchAnswer = p.predictAll(rows);
        List<Prediction> singleAnswers = rows.stream().limit(10).map(p::predict).toList();
        concurrently(8, () -> {
            for (int i = 0; i < 3; i++) {
                assertThat(p.predictAll(rows)).isEqualTo(batchAnswer);
                assertThat(rows.subList(0, 10).stream().map(p::predict).toList()).isEqualTo(singleAnswers);
            }
            return null;
        });
        assertThat(p.replicasCreated()).isBetween(1, 3);
        assertThat(batchAnswer.stream().map(Prediction::label).distinct().sorted().toList()).isEqualTo(List.of("down", "up"));

        Map<String, Object> gap = new java.util.HashMap<>();
        gap.put("seq", null);
        assertThatThrownBy(() -> p.predict(gap)).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("feature 'seq' is missing in row 0").extracting(e -> ((InvalidRowException) e).column())
                .isEqualTo("seq");
        float[] withNaN = new float[12];
        withNaN[3] = Float.NaN;
        assertThatThrownBy(() -> p.predict(Map.of("seq", withNaN))).isInstanceOf(InvalidRowException.class)
                .hasMessage("row 0, column 'seq': value 3 of the tensor is NaN; every value must be a finite number");
        assertThatThrownBy(() -> p.predict(Map.of("seq", new float[11]))).isInstanceOf(InvalidRowException.class)
                .hasMessage("row 0, column 'seq': the tensor has 11 values where the column's shape needs 12");
    }

    @Test
    void lazyPredictionsOverAMappedFileAreReadFromEightThreadsWhileOthersPredict() throws Exception {
        Predictor p = Predictor.of(mlp.bundle(), 2);
        Path arrow = dir.resolve("concurrent.arrow");
        try (Dataset rows = ServeFixtures.tabular(300, 17)) {
            rows.writeArrow(arrow);
        }
        List<Map<String, Object>> batch = ServeFixtures.tabularRows(50, 23);
        List<Prediction> batchAnswer = p.predictAll(batch);
        try (Dataset streamed = Dataset.readArrow(arrow); Dataset lazy = p.predict(streamed)) {
            List<String> expected = probabilities(lazy);
            concurrently(8, () -> {
                for (int i = 0; i < 3; i++) {
                    assertThat(probabilities(lazy)).isEqualTo(expected);
                    assertThat(p.predictAll(batch)).isEqualTo(batchAnswer);
                }
                return null;
            });
        }
        assertThat(p.replicasCreated()).isBetween(1, 2);
    }

    /** The probabilities of every row of a prediction dataset, as text. */
    static List<String> probabilities(Dataset predicted) {
        List<String> out = new ArrayList<>();
        predicted.forEachRow(r -> out.add(Arrays.toString((float[]) r.get("probabilities"))));
        return out;
    }

    /** Runs {@code work} on {@code threads} threads at once and returns each one's result (rethrowing failures). */
    static <T> List<T> concurrently(int threads, Callable<T> work) throws Exception {
        return ai.bigdata.core.testing.Concurrently.run(threads, work);
    }
}
