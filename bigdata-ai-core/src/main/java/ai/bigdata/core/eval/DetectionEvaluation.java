package ai.bigdata.core.eval;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.internal.DetectedBox;
import ai.bigdata.core.internal.YoloDecoding;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Streams a detector over a dataset: each batch's outputs are decoded into scored boxes (score at least
 * {@link #MIN_SCORE}, non-maximum suppression per class at IoU {@link #NMS_IOU}, at most {@link #MAX_BOXES}
 * per image) and matched with the label's boxes into a {@link DetectionTally} at IoU 0.5. Only each
 * detection's score and match are kept.
 */
final class DetectionEvaluation {
    /** The least score of a detection that is ranked (low, so that the curve reaches high recall). */
    static final float MIN_SCORE = 0.005f;
    /** Overlap above which non-maximum suppression drops the weaker box of a class. */
    static final double NMS_IOU = 0.45;
    /** Detections kept per image. */
    static final int MAX_BOXES = 100;

    private DetectionEvaluation() {
    }

    static DetectionReport run(Model model, Dataset data, Column label, int batchSize) {
        ModelSignature sig = model.signature();
        if (!label.isBoxes() || !label.categories().equals(sig.classNames())) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label + " with classes "
                    + label.categories() + " but the model detects " + sig.classNames());
        }
        int classes = sig.classNames().size();
        int[] image = sig.featureShape();
        int h = image[image.length - 2];
        int w = image[image.length - 1];
        int maxBoxes = label.shape()[0];
        DetectionTally tally = new DetectionTally(sig.classNames(), 0.5);
        try (BatchIterator it = data.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label())
                .batchSize(batchSize).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                INDArray out = model.output(b.features());
                List<List<DetectedBox>> found = YoloDecoding.decode(out, classes, h, w, MIN_SCORE, NMS_IOU, MAX_BOXES);
                float[] truth = b.labels().dup('c').data().asFloat();
                for (int r = 0; r < found.size(); r++) {
                    List<DetectedBox> boxes = new ArrayList<>();
                    for (int k = 0; k < maxBoxes; k++) {
                        int at = (r * maxBoxes + k) * 5;
                        if (truth[at] != 0) {
                            boxes.add(DetectedBox.ofPixels((int) truth[at] - 1, 1, truth[at + 1], truth[at + 2], truth[at + 3],
                                    truth[at + 4]));
                        }
                    }
                    tally.addImage(boxes, found.get(r));
                }
            }
        }
        return new DetectionReport(tally);
    }
}
