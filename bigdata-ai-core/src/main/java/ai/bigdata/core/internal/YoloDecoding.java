package ai.bigdata.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the activations of a YOLOv2 output layer (DL4J's {@code Yolo2OutputLayer}) into boxes: per row
 * {@code [anchors * (5 + classes), gridH, gridW]}, per anchor and grid cell the centre offsets in the cell
 * (after a sigmoid), width and height in grid cells (anchor size times the exponential), the objectness (after
 * a sigmoid) and the class probabilities (softmax). A box's score is objectness times its most probable
 * class's probability; boxes below the minimum score are dropped, then non-maximum suppression per class.
 */
public final class YoloDecoding {
    private YoloDecoding() {
    }

    /**
     * The boxes of every row of {@code out} ({@code [rows, anchors * (5 + classes), gridH, gridW]}), in pixels of
     * an {@code imageH x imageW} image, after non-maximum suppression with {@code nmsIou}, the {@code maxBoxes}
     * best of each row by score.
     */
    public static List<List<DetectedBox>> decode(INDArray out, int classes, int imageH, int imageW, float minScore,
            double nmsIou, int maxBoxes) {
        if (out.rank() != 4 || out.size(1) % (5 + classes) != 0) {
            throw new IllegalStateException("a YOLO output is [rows, anchors * (5 + " + classes + "), gridH, gridW]; got "
                    + java.util.Arrays.toString(out.shape()));
        }
        int rows = (int) out.size(0);
        int anchors = (int) (out.size(1) / (5 + classes));
        int gh = (int) out.size(2);
        int gw = (int) out.size(3);
        float[] v = out.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float cellH = (float) imageH / gh;
        float cellW = (float) imageW / gw;
        int plane = gh * gw;
        List<List<DetectedBox>> result = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            List<DetectedBox> found = new ArrayList<>();
            for (int a = 0; a < anchors; a++) {
                int base = (i * anchors + a) * (5 + classes) * plane;
                for (int cy = 0; cy < gh; cy++) {
                    for (int cx = 0; cx < gw; cx++) {
                        int cell = cy * gw + cx;
                        float objectness = v[base + 4 * plane + cell];
                        int best = 0;
                        for (int k = 1; k < classes; k++) {
                            if (v[base + (5 + k) * plane + cell] > v[base + (5 + best) * plane + cell]) {
                                best = k;
                            }
                        }
                        float score = objectness * v[base + (5 + best) * plane + cell];
                        if (!(score >= minScore)) {
                            continue;
                        }
                        float x = (cx + v[base + cell]) * cellW;
                        float y = (cy + v[base + plane + cell]) * cellH;
                        float w = v[base + 2 * plane + cell] * cellW;
                        float h = v[base + 3 * plane + cell] * cellH;
                        found.add(new DetectedBox(best, score, clip(x - w / 2, imageW), clip(y - h / 2, imageH),
                                clip(x + w / 2, imageW), clip(y + h / 2, imageH)));
                    }
                }
            }
            result.add(suppress(found, nmsIou, maxBoxes));
        }
        return result;
    }

    private static float clip(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * Greedy non-maximum suppression per class: boxes in order of falling score (ties keep their order), each
     * kept unless it overlaps a kept box of its class by more than {@code iou}; then the {@code maxBoxes} best.
     */
    public static List<DetectedBox> suppress(List<DetectedBox> boxes, double iou, int maxBoxes) {
        List<DetectedBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble((DetectedBox b) -> b.score()).reversed());
        List<DetectedBox> kept = new ArrayList<>();
        for (DetectedBox b : sorted) {
            if (kept.size() == maxBoxes) {
                break;
            }
            boolean overlaps = false;
            for (DetectedBox k : kept) {
                if (k.classIndex() == b.classIndex() && k.iou(b) > iou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(b);
            }
        }
        return kept;
    }
}
