package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Encode;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose preprocessing removes rows (duplicate dropping, a missing-share rule) still answers
 * every request row on its own: equal rows in one request each get their prediction, and a row the rules
 * remove is an error naming its position, never a shorter, misaligned list.
 */
@ExtendWith(ArrowLeakCheck.class)
class PredictorRemovedRowsTest {
    @TempDir
    Path dir;

    @Test
    void everyRowIsAnsweredOrNamedWhenThePreprocessingRemovesRows() {
        Path file = dir.resolve("cleaning.bundle");
        try (Dataset train = ServeFixtures.tabular(300, 17)) {
            Transform prep = Pipeline.of(Clean.dropDuplicates(), Clean.dropRowsMissingMoreThan(0.3), Encode.oneHot(), Impute.median(),
                    Scale.standard().columns("x1", "x2", "x3", "count")).fit(train);
            NeuralNetwork model = NeuralNetwork.mlp().hidden(8).build();
            try (Dataset features = prep.apply(train)) {
                Trainer.builder().epochs(2).batchSize(32).seed(3).build().fit(model, features);
            }
            ModelBundle.of(prep, model, ServeFixtures.TABULAR).save(file);
        }
        Predictor predictor = Predictor.load(file);
        List<Map<String, Object>> rows = ServeFixtures.tabularRows(4, 18);
        List<Map<String, Object>> withTwin = new ArrayList<>(rows);
        withTwin.add(rows.get(1));
        List<Prediction> answers = predictor.predictAll(withTwin);
        assertThat(answers).hasSize(5);
        assertThat(answers.subList(0, 4)).isEqualTo(predictor.predictAll(rows));
        assertThat(answers.get(4)).isEqualTo(answers.get(1)).isEqualTo(predictor.predict(rows.get(1)));

        // an error found after the transform names the row's place in the request, also when rows go one by one
        Map<String, Object> huge = new HashMap<>(rows.get(3));
        huge.put("x1", 1e300);
        List<Map<String, Object>> twinAndHuge = new ArrayList<>(withTwin);
        twinAndHuge.set(3, huge);
        assertThatThrownBy(() -> predictor.predictAll(twinAndHuge)).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("row 3");

        // hostile requests: typed errors, and a huge value is cut short in the message
        assertThatThrownBy(() -> predictor.predict((Map<String, Object>) null)).isInstanceOf(InvalidRowException.class).hasMessageStartingWith("row 0 is null");
        assertThatThrownBy(() -> predictor.predictAll(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rows is null");
        Map<String, Object> longText = new HashMap<>(rows.get(0));
        longText.put("x1", "7".repeat(1_000_000));
        assertThatThrownBy(() -> predictor.predict(longText)).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("(1000000 characters)").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));

        Map<String, Object> holes = new HashMap<>(rows.get(2));
        holes.put("x1", null);
        holes.put("x2", null);
        List<Map<String, Object>> withHoles = new ArrayList<>(rows);
        withHoles.set(2, holes);
        assertThatThrownBy(() -> predictor.predictAll(withHoles)).isInstanceOf(InvalidRowException.class)
                .hasMessageStartingWith("row 2: the bundle's preprocessing removes this row");
        assertThatThrownBy(() -> predictor.predict(holes)).isInstanceOf(InvalidRowException.class)
                .hasMessageStartingWith("row 0: the bundle's preprocessing removes this row");
    }
}
