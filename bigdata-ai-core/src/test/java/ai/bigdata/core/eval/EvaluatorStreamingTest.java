package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The streaming Evaluator gives exactly the report of the gathered outputs (the path it replaced), in
 * any batch size and for outputs in row- or column-major order.
 */
@ExtendWith(ArrowLeakCheck.class)
class EvaluatorStreamingTest {
    static final int FEATURES = 4;

    /** Rows of FEATURES float32 features and a label: a class among {@code classes} or, without classes, a float32 value. */
    static Dataset data(int rows, List<String> classes, long seed) {
        List<Column> cols = new ArrayList<>();
        for (int f = 0; f < FEATURES; f++) {
            cols.add(Column.of("f" + f, ColumnType.FLOAT32));
        }
        cols.add(classes == null ? Column.of("y", ColumnType.FLOAT32, ColumnRole.LABEL)
                : Column.categorical("y", ColumnRole.LABEL, classes));
        Dataset.RowsBuilder b = Dataset.builder(new Schema(cols)).chunkRows(300);
        Random rnd = new Random(seed);
        for (int i = 0; i < rows; i++) {
            Object[] row = new Object[FEATURES + 1];
            float sum = 0;
            for (int f = 0; f < FEATURES; f++) {
                float v = (float) rnd.nextGaussian();
                row[f] = v;
                sum += v * (f + 1);
            }
            row[FEATURES] = classes == null ? (Object) (sum + (float) rnd.nextGaussian())
                    : classes.get(Math.floorMod((int) Math.floor(sum + rnd.nextGaussian()), classes.size()));
            b.add(row);
        }
        return b.build();
    }

    /** A fixed linear model (softmax for classes), giving its outputs in column-major or row-major order. */
    record LinearModel(ModelSignature signature, INDArray weights, char order) implements Model {
        static LinearModel of(Dataset d, char order) {
            ModelSignature sig = ModelSignature.supervised(d.schema());
            Random rnd = new Random(7);
            float[][] w = new float[FEATURES][sig.outputWidth()];
            for (float[] row : w) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = (float) rnd.nextGaussian();
                }
            }
            return new LinearModel(sig, Nd4j.create(w), order);
        }

        @Override
        public INDArray output(INDArray features) {
            INDArray z = features.mmul(weights);
            INDArray out = signature.classNames().isEmpty() ? z : Transforms.softmax(z, true);
            return out.dup(order);
        }
    }

    /** The path the streaming evaluator replaced: every output gathered as doubles, then one report. */
    static ClassificationReport gathered(Model m, Dataset d) {
        List<double[]> p = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        try (BatchIterator it = d.batches().label("y").batchSize(64).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                double[][] o = m.output(b.features()).toDoubleMatrix();
                double[][] y = b.labels().toDoubleMatrix();
                for (int i = 0; i < o.length; i++) {
                    p.add(o[i]);
                    int c = 0;
                    while (y[i][c] == 0) {
                        c++;
                    }
                    truth.add(c);
                }
            }
        }
        return new ClassificationReport(m.signature().classNames(), truth.stream().mapToInt(Integer::intValue).toArray(),
                p.toArray(double[][]::new));
    }

    @Test
    void streamedClassificationEqualsTheGatheredReportExactly() {
        for (List<String> classes : List.of(List.of("no", "yes"), List.of("a", "b", "c", "d"))) {
            try (Dataset d = data(1000, classes, 1)) {
                for (char order : new char[] {'c', 'f'}) {
                    LinearModel m = LinearModel.of(d, order);
                    ClassificationReport expected = gathered(m, d);
                    for (int batch : new int[] {5, 64, 1024}) {
                        ClassificationReport r = Evaluator.classification().batchSize(batch).evaluate(m, d);
                        assertThat(r.metrics()).as(classes + " " + order + " " + batch).isEqualTo(expected.metrics());
                        assertThat(r.confusionMatrix()).isEqualTo(expected.confusionMatrix());
                        assertThat(r.topKAccuracy(3)).isEqualTo(expected.topKAccuracy(3));
                        assertThat(r.toString()).isEqualTo(expected.toString());
                        for (int c = 0; c < classes.size(); c++) {
                            assertThat(r.curves(c).truePositiveRates()).isEqualTo(expected.curves(c).truePositiveRates());
                            assertThat(r.curves(c).falsePositiveRates()).isEqualTo(expected.curves(c).falsePositiveRates());
                        }
                    }
                }
            }
        }
    }

    @Test
    void streamedRegressionEqualsTheGatheredReport() {
        try (Dataset d = data(1000, null, 2)) {
            LinearModel m = LinearModel.of(d, 'f');
            List<double[]> y = new ArrayList<>();
            List<double[]> p = new ArrayList<>();
            try (BatchIterator it = d.batches().label("y").batchSize(1000).build()) {
                Batch b = it.next();
                p.addAll(List.of(m.output(b.features()).toDoubleMatrix()));
                y.addAll(List.of(b.labels().toDoubleMatrix()));
            }
            RegressionReport expected = new RegressionReport(y.toArray(double[][]::new), p.toArray(double[][]::new));
            RegressionReport r = Evaluator.regression().batchSize(7).evaluate(m, d);
            assertThat(r.rows()).isEqualTo(1000);
            assertThat(r.mse()).isEqualTo(expected.mse());
            assertThat(r.mae()).isEqualTo(expected.mae());
            assertThat(r.mape()).isEqualTo(expected.mape());
            // the target's variance is merged over batches (Chan): equal to rounding
            assertThat(r.r2()).isCloseTo(expected.r2(), within(1e-13));
            assertThat(Evaluator.any().evaluate(m, d)).isInstanceOf(RegressionReport.class);
        }
    }

    @Test
    void withoutCurvesKeepsCountersOnly() {
        try (Dataset d = data(500, List.of("a", "b", "c"), 3)) {
            LinearModel m = LinearModel.of(d, 'c');
            ClassificationReport full = Evaluator.classification().evaluate(m, d);
            ClassificationReport lean = Evaluator.classification().withoutCurves().evaluate(m, d);
            assertThat(lean.hasCurves()).isFalse();
            assertThat(lean.metrics()).doesNotContainKeys("roc_auc", "pr_auc");
            Map<String, Double> expected = new java.util.LinkedHashMap<>(full.metrics());
            expected.remove("roc_auc");
            expected.remove("pr_auc");
            assertThat(lean.metrics()).isEqualTo(expected);
            assertThatThrownBy(lean::rocAuc).isInstanceOf(IllegalStateException.class).hasMessageContaining("withoutCurves");
            assertThatThrownBy(() -> lean.curves(0)).isInstanceOf(IllegalStateException.class);
            assertThat(lean.toHtml()).contains("Confusion matrix").doesNotContain("ROC curves");
        }
    }

    @Test
    void theTaskMustMatch() {
        try (Dataset d = data(50, List.of("a", "b"), 4)) {
            LinearModel m = LinearModel.of(d, 'c');
            assertThatThrownBy(() -> Evaluator.regression().evaluate(m, d)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CLASSIFICATION");
            assertThat(Evaluator.any().evaluate(m, d)).isInstanceOf(ClassificationReport.class);
        }
    }

    /** A model whose outputs are NaN from a given row on (counted on the second thread: the error must still surface). */
    record NaNFromRow(LinearModel inner, long fromRow, long[] seen) implements Model {
        @Override
        public ModelSignature signature() {
            return inner.signature();
        }

        @Override
        public INDArray output(INDArray features) {
            INDArray out = inner.output(features);
            for (int r = 0; r < out.rows(); r++) {
                if (seen[0] + r >= fromRow) {
                    out.putScalar(r, 0, Double.NaN);
                }
            }
            seen[0] += out.rows();
            return out;
        }
    }

    @Test
    void aNonFiniteOutputIsAnErrorNamingItsRowThoughCountedOnAnotherThread() {
        try (Dataset d = data(5_000, List.of("a", "b", "c"), 11)) {
            for (int batch : new int[] {64, 1000, 8192}) {
                Model m = new NaNFromRow(LinearModel.of(d, 'c'), 4_321, new long[1]);
                assertThatThrownBy(() -> Evaluator.classification().batchSize(batch).evaluate(m, d))
                        .as("batch " + batch).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("row 4321 has a probability of NaN");
            }
            // and the evaluator still works afterwards
            assertThat(Evaluator.classification().evaluate(LinearModel.of(d, 'c'), d).metrics()).containsKey("accuracy");
        }
    }
}
