package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.internal.ArrowColumns;
import ai.bigdata.core.internal.DetectedBox;
import ai.bigdata.core.internal.YoloDecoding;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The prediction columns of a detector: {@code prediction}, a boxes column shaped like the label
 * ({@code [maxBoxes, 5]}, class id {@code 1 + class} and inclusive pixel bounds, zero rows past the boxes
 * found), and {@code confidence}, a float32 tensor {@code [maxBoxes]} of each box's score (0 past them). Boxes
 * scoring at least {@link #MIN_SCORE} after non-maximum suppression at IoU {@link #NMS_IOU} are kept, best first.
 */
final class DetectionColumns {
    /** The least score of a predicted box. */
    static final float MIN_SCORE = 0.5f;
    /** Overlap above which non-maximum suppression drops the weaker box of a class. */
    static final double NMS_IOU = 0.45;
    /** Name of the confidence column. */
    static final String CONFIDENCE = "confidence";

    private DetectionColumns() {
    }

    static List<Column> columns(ModelSignature sig) {
        int maxBoxes = sig.outputShape()[0];
        return List.of(Column.boxes(Predictions.PREDICTION, sig.classNames(), maxBoxes).withRole(ColumnRole.PREDICTION),
                Column.tensor(CONFIDENCE, maxBoxes).withRole(ColumnRole.PREDICTION));
    }

    /** Decodes {@code out} (null when {@code rows} is 0) and appends the two prediction vectors to {@code vs}. */
    static void write(ModelSignature sig, INDArray out, int rows, BufferAllocator alloc, List<FieldVector> vs) {
        int maxBoxes = sig.outputShape()[0];
        int[] image = sig.featureShape();
        int h = image[image.length - 2];
        int w = image[image.length - 1];
        float[] boxes = new float[rows * maxBoxes * 5];
        float[] scores = new float[rows * maxBoxes];
        if (rows > 0) {
            List<List<DetectedBox>> found = YoloDecoding.decode(out, sig.classNames().size(), h, w, MIN_SCORE, NMS_IOU, maxBoxes);
            if (found.size() != rows) {
                throw new IllegalStateException("the detector gave outputs for " + found.size() + " rows, not " + rows);
            }
            for (int r = 0; r < rows; r++) {
                List<DetectedBox> row = found.get(r);
                for (int k = 0; k < row.size(); k++) {
                    DetectedBox b = row.get(k);
                    int at = (r * maxBoxes + k) * 5;
                    float x0 = Math.min(w - 1, b.x0());
                    float y0 = Math.min(h - 1, b.y0());
                    boxes[at] = 1 + b.classIndex();
                    boxes[at + 1] = x0;
                    boxes[at + 2] = y0;
                    boxes[at + 3] = Math.max(x0, b.x1() - 1);
                    boxes[at + 4] = Math.max(y0, b.y1() - 1);
                    scores[r * maxBoxes + k] = b.score();
                }
            }
        }
        List<Column> cols = columns(sig);
        vs.add(tensor(cols.get(0), boxes, rows, alloc));
        vs.add(tensor(cols.get(1), scores, rows, alloc));
    }

    private static FixedSizeListVector tensor(Column c, float[] values, int rows, BufferAllocator alloc) {
        FixedSizeListVector t = (FixedSizeListVector) ArrowColumns.newVector(c, alloc);
        t.setInitialCapacity(Math.max(rows, 1));
        t.allocateNew();
        Float4Vector data = (Float4Vector) t.getDataVector();
        data.allocateNew(Math.max(values.length, 1));
        for (int r = 0; r < rows; r++) {
            t.setNotNull(r);
        }
        for (int i = 0; i < values.length; i++) {
            data.set(i, values[i]);
        }
        data.setValueCount(values.length);
        t.setValueCount(rows);
        return t;
    }
}
