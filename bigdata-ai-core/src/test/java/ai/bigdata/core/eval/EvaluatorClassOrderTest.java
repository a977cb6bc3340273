package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Row;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Categories are coded by first appearance, so two files with the same classes code them differently:
 * the Evaluator matches the data's classes to the model's by name (another order, or a subset, evaluates
 * correctly; an unknown class is named), and predictions carry the model's class names.
 */
@ExtendWith(ArrowLeakCheck.class)
class EvaluatorClassOrderTest {
    @TempDir
    Path dir;

    /** A CSV of four features and a class; {@code classes} in the order of their first appearance. */
    private Path csv(String name, List<String> classes, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("f0,f1,f2,f3,y\n");
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < 4; f++) {
                s.append(String.format(Locale.ROOT, "%.4f,", rnd.nextGaussian()));
            }
            s.append(classes.get(i < classes.size() ? i : rnd.nextInt(classes.size()))).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    /** The report computed by hand: each row's true class looked up by name among the model's classes. */
    private static ClassificationReport byName(Model m, Dataset d) {
        List<String> names = m.signature().classNames();
        List<Integer> truth = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        d.forEachRow((Row r) -> {
            truth.add(names.indexOf(r.getString("y")));
            x.add(new double[] {r.getDouble("f0"), r.getDouble("f1"), r.getDouble("f2"), r.getDouble("f3")});
        });
        INDArray out = m.output(Nd4j.create(x.toArray(double[][]::new)).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        return new ClassificationReport(names, truth.stream().mapToInt(Integer::intValue).toArray(), out.toDoubleMatrix());
    }

    @Test
    void aTestFileWithTheClassesInAnotherOrderOrASubsetEvaluatesByName() throws IOException {
        try (Dataset train = Dataset.readCsv(csv("train.csv", List.of("setosa", "versicolor", "virginica"), 60, 1)).label("y").read();
             Dataset reordered = Dataset.readCsv(csv("test.csv", List.of("virginica", "setosa", "versicolor"), 80, 2)).label("y").read();
             Dataset subset = Dataset.readCsv(csv("subset.csv", List.of("virginica", "setosa"), 40, 3)).label("y").read()) {
            assertThat(train.schema().column("y").categories()).containsExactly("setosa", "versicolor", "virginica");
            assertThat(reordered.schema().column("y").categories()).containsExactly("virginica", "setosa", "versicolor");
            Model m = EvaluatorStreamingTest.LinearModel.of(train, 'c');
            for (Dataset test : List.of(reordered, subset)) {
                ClassificationReport r = Evaluator.classification().batchSize(16).evaluate(m, test);
                ClassificationReport expected = byName(m, test);
                assertThat(r.classes()).containsExactly("setosa", "versicolor", "virginica");
                assertThat(r.confusionMatrix()).isEqualTo(expected.confusionMatrix());
                assertThat(r.metrics()).isEqualTo(expected.metrics());
            }
            assertThat(Evaluator.classification().evaluate(m, subset).support()[1]).isZero();
        }
    }

    @Test
    void anUnknownClassIsNamed() throws IOException {
        try (Dataset train = Dataset.readCsv(csv("train.csv", List.of("setosa", "versicolor"), 30, 1)).label("y").read();
             Dataset test = Dataset.readCsv(csv("test.csv", List.of("versicolor", "daisy", "setosa"), 30, 2)).label("y").read()) {
            Model m = EvaluatorStreamingTest.LinearModel.of(train, 'c');
            assertThatThrownBy(() -> Evaluator.classification().evaluate(m, test)).isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("'daisy'").hasMessageContaining("[setosa, versicolor]");
        }
    }

    @Test
    void predictionsCarryTheModelsClassNamesWhateverTheDataOrder() throws IOException {
        try (Dataset train = Dataset.readCsv(csv("train.csv", List.of("setosa", "versicolor", "virginica"), 60, 1)).label("y").read();
             Dataset reordered = Dataset.readCsv(csv("test.csv", List.of("virginica", "setosa", "versicolor"), 50, 2)).label("y").read();
             Dataset predicted = EvaluatorStreamingTest.LinearModel.of(train, 'f').predict(reordered)) {
            Model m = EvaluatorStreamingTest.LinearModel.of(train, 'f');
            assertThat(predicted.schema().column("prediction").categories()).containsExactly("setosa", "versicolor", "virginica");
            ClassificationReport expected = byName(m, reordered);
            long[][] cm = expected.confusionMatrix();
            long[][] fromPredictions = new long[3][3];
            List<String> names = m.signature().classNames();
            predicted.forEachRow(r -> fromPredictions[names.indexOf(r.getString("y"))][names.indexOf(r.getString("prediction"))]++);
            assertThat(fromPredictions).isEqualTo(cm);
        }
    }
}
