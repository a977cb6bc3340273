package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Decoding YOLOv2 activations into pixel boxes, and non-maximum suppression. */
class YoloDecodingTest {
    /**
     * One anchor, two classes, a 2 x 2 grid over a 16 x 16 image (cells of 8 pixels). Cell (row 1, column 0)
     * has centre offsets (0.5, 0.5), size 1 x 2 cells, objectness 0.9 and class probabilities (0.2, 0.8): a box
     * of class 1, score 0.72, centred at (4, 12), 8 x 16 pixels, clipped to the image: (0, 4) to (8, 16).
     */
    @Test
    void aCellBecomesAPixelBox() {
        INDArray out = Nd4j.zeros(1, 7, 2, 2);
        float[] values = {0.5f, 0.5f, 1, 2, 0.9f, 0.2f, 0.8f};
        for (int c = 0; c < 7; c++) {
            out.putScalar(new long[] {0, c, 1, 0}, values[c]);
        }
        out.putScalar(new long[] {0, 4, 0, 1}, 0.004);
        List<List<DetectedBox>> rows = YoloDecoding.decode(out, 2, 16, 16, 0.005f, 0.45, 10);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(1);
        DetectedBox b = rows.get(0).get(0);
        assertThat(b.classIndex()).isEqualTo(1);
        assertThat((double) b.score()).isCloseTo(0.72, within(1e-6));
        assertThat(new float[] {b.x0(), b.y0(), b.x1(), b.y1()}).containsExactly(0f, 4f, 8f, 16f);
    }

    @Test
    void suppressionDropsOverlapsOfOneClassOnly() {
        DetectedBox strong = new DetectedBox(0, 0.9f, 0, 0, 10, 10);
        DetectedBox overlapping = new DetectedBox(0, 0.8f, 1, 0, 10, 10);
        DetectedBox otherClass = new DetectedBox(1, 0.7f, 0, 0, 10, 10);
        DetectedBox apart = new DetectedBox(0, 0.6f, 20, 20, 30, 30);
        assertThat(YoloDecoding.suppress(List.of(apart, overlapping, otherClass, strong), 0.45, 10))
                .containsExactly(strong, otherClass, apart);
        assertThat(YoloDecoding.suppress(List.of(apart, overlapping, otherClass, strong), 0.45, 2)).containsExactly(strong, otherClass);
        assertThat(strong.iou(overlapping)).isCloseTo(0.9, within(1e-9));
        assertThat(DetectedBox.ofPixels(0, 1, 0, 0, 9, 9).area()).isEqualTo(100.0);
    }
}
