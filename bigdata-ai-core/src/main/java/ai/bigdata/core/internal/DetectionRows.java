package ai.bigdata.core.internal;

import ai.bigdata.core.model.ModelSignature;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A detector's predictions per row, as served: the boxes decoded from its YOLOv2 outputs that score at least
 * {@link #MIN_SCORE}, after non-maximum suppression per class at IoU {@link #NMS_IOU}, best first, at most the
 * label's {@code maxBoxes}. Each row is {@code maxBoxes} box rows {@code (1 + class, x0, y0, x1, y1)} in inclusive
 * pixel bounds (zeros past the boxes found) followed by {@code maxBoxes} scores.
 */
public final class DetectionRows {
    /** The least score of a predicted box. */
    public static final float MIN_SCORE = 0.5f;
    /** Overlap above which non-maximum suppression drops the weaker box of a class. */
    public static final double NMS_IOU = 0.45;

    private DetectionRows() {
    }

    /** The rows of {@code out} ({@code [rows, anchors * (5 + classes), gridH, gridW]}), {@code maxBoxes * 6} values each. */
    public static float[][] of(ModelSignature sig, INDArray out) {
        int maxBoxes = sig.outputShape()[0];
        int[] image = sig.featureShape();
        int h = image[image.length - 2];
        int w = image[image.length - 1];
        List<List<DetectedBox>> found = YoloDecoding.decode(out, sig.classNames().size(), h, w, MIN_SCORE, NMS_IOU, maxBoxes);
        float[][] rows = new float[found.size()][6 * maxBoxes];
        for (int r = 0; r < rows.length; r++) {
            List<DetectedBox> boxes = found.get(r);
            for (int k = 0; k < boxes.size(); k++) {
                DetectedBox b = boxes.get(k);
                float x0 = Math.min(w - 1, b.x0());
                float y0 = Math.min(h - 1, b.y0());
                float[] row = rows[r];
                row[5 * k] = 1 + b.classIndex();
                row[5 * k + 1] = x0;
                row[5 * k + 2] = y0;
                row[5 * k + 3] = Math.max(x0, b.x1() - 1);
                row[5 * k + 4] = Math.max(y0, b.y1() - 1);
                row[5 * maxBoxes + k] = b.score();
            }
        }
        return rows;
    }
}
