package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.internal.ArrowColumns;
import ai.bigdata.core.internal.DetectionRows;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The prediction columns of a detector: {@code prediction}, a boxes column shaped like the label
 * ({@code [maxBoxes, 5]}, class id {@code 1 + class} and inclusive pixel bounds, zero rows past the boxes
 * found), and {@code confidence}, a float32 tensor {@code [maxBoxes]} of each box's score (0 past them); the
 * boxes are {@link DetectionRows}' (score at least 0.5, non-maximum suppression at IoU 0.45, best first).
 */
final class DetectionColumns {
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
        float[] boxes = new float[rows * maxBoxes * 5];
        float[] scores = new float[rows * maxBoxes];
        if (rows > 0) {
            float[][] found = DetectionRows.of(sig, out);
            if (found.length != rows) {
                throw new IllegalStateException("the detector gave outputs for " + found.length + " rows, not " + rows);
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(found[r], 0, boxes, r * maxBoxes * 5, maxBoxes * 5);
                System.arraycopy(found[r], maxBoxes * 5, scores, r * maxBoxes, maxBoxes);
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
