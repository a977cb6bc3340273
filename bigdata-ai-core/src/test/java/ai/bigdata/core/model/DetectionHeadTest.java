package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A boxes label gives a detection signature, and box rows become YOLOv2 labels in grid cells. */
class DetectionHeadTest {
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 16, 16),
            Column.boxes("boxes", List.of("a", "b"), 2).withRole(ColumnRole.LABEL));

    @Test
    void aBoxesLabelIsADetectionSignatureThatRoundTrips() {
        ModelSignature sig = ModelSignature.supervised(SCHEMA);
        assertThat(sig.task()).isEqualTo(Task.DETECTION);
        assertThat(sig.classNames()).containsExactly("a", "b");
        assertThat(sig.outputShape()).containsExactly(2, 5);
        assertThat(ModelSignature.fromMap(sig.toMap())).isEqualTo(sig);
    }

    /**
     * A 16 x 16 image, a 2 x 2 grid (cells of 8 pixels): the box of class id 2 over pixels x 0..7, y 8..15 is
     * (0, 1) to (1, 2) in cells, centred in cell (row 1, column 0), with class b one-hot; the empty row adds nothing.
     */
    @Test
    void boxRowsBecomeGridLabels() {
        ModelSignature sig = ModelSignature.supervised(SCHEMA);
        INDArray rows = Nd4j.createFromArray(new float[][] {{2, 0, 8, 7, 15, 0, 0, 0, 0, 0}});
        INDArray t = DetectionHead.targets(rows, sig, new int[] {2, 2});
        assertThat(t.shape()).containsExactly(1, 6, 2, 2);
        float[] cell = new float[6];
        for (int c = 0; c < 6; c++) {
            cell[c] = t.getFloat(0, c, 1, 0);
        }
        assertThat(cell).containsExactly(0, 1, 1, 2, 0, 1);
        assertThat(t.sumNumber().doubleValue()).isEqualTo(5.0);
    }
}
