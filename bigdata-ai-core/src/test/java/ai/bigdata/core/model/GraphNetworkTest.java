package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.prep.Clean;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A residual CNN ({@link GraphNetwork#residualCnn()}) trained briefly on real Fashion-MNIST images goes
 * through the same machinery as the multilayer networks: trainer, evaluator, bundle and predictor. (How
 * well it learns is {@link ResidualCnnFashionIT}'s subject.)
 */
@ExtendWith(ArrowLeakCheck.class)
class GraphNetworkTest {
    private static GraphNetwork trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        trained = GraphNetwork.residualCnn().stem(4).blocks(4, 8).build();
        try (Dataset train = FashionImages.train(0, 256)) {
            Trainer.builder().epochs(1).batchSize(32).seed(7).optimizer(Optimizer.adam(3e-3)).build().fit(trained, train);
        }
    }

    @Test
    void theResidualCnnHasIdentityAndProjectionSkipsMergedByAnAddVertex() {
        var conf = trained.graph().getConfiguration();
        assertThat(conf.getVertices().get("block0_add")).isInstanceOf(ElementWiseVertex.class);
        assertThat(conf.getVertexInputs().get("block0_add")).containsExactly("block0_b_bn", "stem_relu");
        assertThat(conf.getVertexInputs().get("block1_add")).containsExactly("block1_b_bn", "block1_skip_bn");
        assertThat(trained.family()).isEqualTo("graph");
        assertThat(trained.kind()).isEqualTo("residual-cnn");
        assertThat(trained.signature().featureShape()).containsExactly(1, 28, 28);
    }

    @Test
    void theEvaluatorGivesTheReportOfTheGraphsOutputsComputedByHand() {
        try (Dataset test = FashionImages.test(0, 300)) {
            List<double[]> probabilities = new ArrayList<>();
            List<Integer> truth = new ArrayList<>();
            int correct = 0;
            try (BatchIterator it = test.batches().features("image").label("label").batchSize(128).build()) {
                while (it.hasNext()) {
                    Batch b = it.next();
                    INDArray p = trained.graph().outputSingle(false, b.features().dup());
                    INDArray y = b.labels();
                    for (int r = 0; r < b.size(); r++) {
                        probabilities.add(p.getRow(r).toDoubleVector());
                        int t = y.getRow(r).argMax().getInt(0);
                        truth.add(t);
                        correct += p.getRow(r).argMax().getInt(0) == t ? 1 : 0;
                    }
                }
            }
            ClassificationReport byHand = new ClassificationReport(FashionImages.CLASSES,
                    truth.stream().mapToInt(Integer::intValue).toArray(), probabilities.toArray(double[][]::new));
            ClassificationReport evaluated = Evaluator.classification().evaluate(trained, test);
            assertThat(evaluated.accuracy()).isEqualTo(correct / 300.0);
            assertThat(evaluated.metrics()).isEqualTo(byHand.metrics());
            assertThat(evaluated.confusionMatrix()).isEqualTo(byHand.confusionMatrix());
        }
    }

    /** The first {@code n} images of {@code data}, each as 784 floats. */
    private static List<float[]> images(Dataset data, int n) {
        try (BatchIterator it = data.batches().features("image").batchSize(n).build()) {
            float[][] rows = it.next().features().dup().reshape(n, 784).toFloatMatrix();
            return List.of(rows);
        }
    }

    @Test
    void aBundleOfTheGraphLoadsWithIdenticalOutputsAndEightThreadsAnswerAsOne() throws Exception {
        List<float[]> images;
        ModelBundle saved;
        try (Dataset test = FashionImages.test(1000, 24)) {
            images = images(test, 24);
            Transform prep = Pipeline.of(Clean.dropColumnsMissingMoreThan(0.99)).fit(test);
            saved = ModelBundle.of(prep, trained, FashionImages.SCHEMA).save(dir.resolve("cnn.bundle"));
        }
        assertThat(saved.manifest()).containsEntry("family", "graph").containsEntry("kind", "residual-cnn").containsEntry("format", 3);
        ModelBundle loaded = ModelBundle.load(dir.resolve("cnn.bundle"));
        assertThat(loaded.model()).isInstanceOf(GraphNetwork.class);
        INDArray x = Nd4j.create(images.toArray(float[][]::new)).reshape(24, 1, 28, 28);
        assertThat(loaded.model().output(x).ravel().toFloatVector()).containsExactly(trained.output(x).ravel().toFloatVector());

        Predictor predictor = Predictor.load(dir.resolve("cnn.bundle"), 8);
        List<Prediction> single = new ArrayList<>();
        for (float[] image : images) {
            single.add(predictor.predict(Map.of("image", image)));
        }
        for (int r = 0; r < 24; r++) {
            INDArray one = Nd4j.create(images.get(r)).reshape(1, 1, 28, 28);
            assertThat(single.get(r).values()).as("row %d", r).isEqualTo(toDouble(trained.output(one).ravel().toFloatVector()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 3;
                answers.add(pool.submit(() -> {
                    List<Prediction> got = new ArrayList<>();
                    for (int k = 0; k < 6; k++) {
                        got.add(predictor.predict(Map.of("image", images.get((offset + k) % 24))));
                    }
                    return got;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<Prediction> got = answers.get(t).get();
                for (int k = 0; k < 6; k++) {
                    assertThat(got.get(k)).isEqualTo(single.get((t * 3 + k) % 24));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void dataOfAnotherShapeOrColumnIsASchemaMismatchNamingTheColumn() {
        Schema otherShape = Schema.of(Column.tensor("image", 1, 28, 27), Column.categorical("label", ColumnRole.LABEL,
                FashionImages.CLASSES));
        try (Dataset d = Dataset.builder(otherShape).add(new float[28 * 27], "Bag").build()) {
            assertThatThrownBy(() -> trained.predict(d)).isInstanceOfSatisfying(SchemaMismatchException.class,
                    e -> assertThat(e.columns()).containsExactly("image"));
        }
        Schema renamed = Schema.of(Column.tensor("picture", 1, 28, 28), Column.categorical("label", ColumnRole.LABEL,
                FashionImages.CLASSES));
        try (Dataset d = Dataset.builder(renamed).add(new float[784], "Bag").build()) {
            assertThatThrownBy(() -> trained.predict(d)).isInstanceOfSatisfying(SchemaMismatchException.class,
                    e -> assertThat(e.columns()).contains("image"));
        }
    }
}
