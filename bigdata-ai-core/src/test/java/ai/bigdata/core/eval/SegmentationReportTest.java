package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-class and mean IoU against values computed by hand, from counts and through the Evaluator. */
@ExtendWith(ArrowLeakCheck.class)
class SegmentationReportTest {
    private static final List<String> CLASSES = List.of("bg", "a", "b", "never");

    /**
     * Truth 0 0 0 1 1 2, predicted 0 1 0 1 2 2: bg 2 / (3 + 2 - 2) = 2/3, a 1 / (2 + 2 - 1) = 1/3,
     * b 1 / (1 + 2 - 1) = 1/2, "never" undefined; mean (2/3 + 1/3 + 1/2) / 3 = 0.5; pixel accuracy 4/6.
     */
    private static final int[] TRUTH = {0, 0, 0, 1, 1, 2};
    private static final int[] PREDICTED = {0, 1, 0, 1, 2, 2};

    @Test
    void iouFromCountsMatchesHandComputedValues() {
        SegmentationTally t = new SegmentationTally(CLASSES);
        for (int i = 0; i < TRUTH.length; i++) {
            t.add(TRUTH[i], PREDICTED[i]);
        }
        SegmentationReport r = new SegmentationReport(t);
        checkHandValues(r);
        assertThat(r.toString()).contains("mean IoU 0.5000").contains("never        -");
        assertThat(r.toJson()).contains("\"mean_iou\" : 0.5").contains("\"never\" : null");
        assertThat(r.toHtml()).contains("<td>mean_iou</td><td>0.500000</td>").contains("<td>a</td><td>0.3333</td>");
    }

    private static void checkHandValues(SegmentationReport r) {
        assertThat(r.iou(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.iou(1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.iou(2)).isCloseTo(0.5, within(1e-12));
        assertThat(r.iou(3)).isNaN();
        assertThat(r.meanIou()).isCloseTo(0.5, within(1e-12));
        assertThat(r.pixelAccuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.perClassIou().keySet()).containsExactlyElementsOf(CLASSES);
        assertThat(r.confusion()[1]).containsExactly(0, 1, 1, 0);
    }

    /**
     * The same counts streamed through {@code Evaluator.segmentation()}, as two rows of [1, 3] masks, one
     * row a batch, from a model that reads the predicted class ids from its input and puts 0.7 on them and
     * 0.1 on each other class: log loss = (4 (-ln 0.7) + 2 (-ln 0.1)) / 6.
     */
    @Test
    void theEvaluatorStreamsTheSameCountsAndTheLogLoss() {
        Schema schema = Schema.of(Column.tensor("predicted", 1, 1, 3), Column.mask("mask", CLASSES, 1, 3).withRole(ColumnRole.LABEL));
        ModelSignature sig = ModelSignature.supervised(schema);
        Model model = new Model() {
            @Override
            public ModelSignature signature() {
                return sig;
            }

            @Override
            public INDArray output(INDArray features) {
                long n = features.size(0);
                INDArray out = Nd4j.valueArrayOf(new long[] {n, 4, 1, 3}, 0.1f);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < 3; j++) {
                        out.putScalar(new long[] {r, features.getInt(r, 0, 0, j), 0, j}, 0.7f);
                    }
                }
                return out;
            }
        };
        try (Dataset d = Dataset.builder(schema)
                .add(new float[] {0, 1, 0}, new float[] {0, 0, 0})
                .add(new float[] {1, 2, 2}, new float[] {1, 1, 2}).build()) {
            SegmentationReport r = Evaluator.segmentation().batchSize(1).evaluate(model, d);
            checkHandValues(r);
            assertThat(r.rows()).isEqualTo(2);
            assertThat(r.logLoss()).isCloseTo((4 * -Math.log(0.7) + 2 * -Math.log(0.1)) / 6, within(1e-6));
            Map<String, Double> m = Evaluator.any().evaluate(model, d).metrics();
            assertThat(m).containsOnlyKeys("mean_iou", "pixel_accuracy", "log_loss");
            assertThat(m.get("mean_iou")).isCloseTo(0.5, within(1e-12));
        }
    }
}
