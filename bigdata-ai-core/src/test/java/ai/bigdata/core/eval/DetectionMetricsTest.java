package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.internal.DetectedBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VOC-style AP and mAP@0.5 against values computed by hand: duplicates are false positives, missed objects
 * lower recall, tied scores enter the curve together, a class without objects is left out of the mean.
 */
class DetectionMetricsTest {
    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private static DetectedBox box(int k, double score, float x0, float y0, float x1, float y1) {
        return new DetectedBox(k, (float) score, x0, y0, x1, y1);
    }

    private static DetectedBox truth(int k, float x0, float y0, float x1, float y1) {
        return box(k, 1, x0, y0, x1, y1);
    }

    /**
     * Class a: 3 objects (2 in image A, 1 in B); detections by score: 0.9 hit, 0.8 duplicate of the same
     * object (FP), 0.7 hit in B, 0.6 on nothing (FP); the second object of A is missed. Points (recall,
     * precision): (1/3, 1), (1/3, 1/2), (2/3, 2/3), (2/3, 1/2); interpolated AP = 1/3 * 1 + 1/3 * 2/3 = 5/9.
     * Class b: 1 object; 0.95 on an object of class a (a wrong class is a FP), 0.3 with IoU exactly 0.5
     * (a hit): points (0, 0), (1, 1/2), AP 1/2. Class c: no object, one detection: AP undefined. Class d: one
     * object, no detection: AP 0. mAP = (5/9 + 1/2 + 0) / 3 = 19/54.
     */
    @Test
    void apAndMapMatchTheHandComputedValues() {
        DetectionTally t = new DetectionTally(CLASSES, 0.5);
        t.addImage(List.of(truth(0, 0, 0, 10, 10), truth(0, 20, 20, 30, 30), truth(1, 40, 40, 50, 50), truth(3, 60, 60, 70, 70)),
                List.of(box(0, 0.6, 80, 80, 90, 90), box(0, 0.9, 0, 0, 10, 10), box(0, 0.8, 1, 0, 10, 10),
                        box(1, 0.95, 0, 0, 10, 10), box(1, 0.3, 40, 40, 50, 45), box(2, 0.5, 0, 0, 5, 5)));
        t.addImage(List.of(truth(0, 0, 0, 10, 10)), List.of(box(0, 0.7, 0, 0, 10, 10)));
        DetectionReport r = new DetectionReport(t);
        assertThat(r.averagePrecision(0)).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(r.averagePrecision(1)).isCloseTo(0.5, within(1e-12));
        assertThat(r.averagePrecision(2)).isNaN();
        assertThat(r.averagePrecision(3)).isEqualTo(0.0);
        assertThat(r.meanAveragePrecision()).isCloseTo(19.0 / 54, within(1e-12));
        assertThat(r.metrics()).containsEntry("map_50", r.meanAveragePrecision());
        assertThat(r.objects(0)).isEqualTo(3);
        assertThat(r.detections(0)).isEqualTo(4);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.toJson()).contains("\"map_50\" : 0.3518518");
        assertThat(r.toMap().get("true_positives")).isEqualTo(List.of(2, 1, 0, 0));
        assertThat(r.toString()).contains("mAP@0.5 0.3519");
        assertThat(r.toHtml()).contains("Detection report");
    }

    /**
     * Two objects in two images; 0.9 hits the first, then two detections tie at 0.5: one hits the second
     * object, one hits nothing. The tie is one point (recall 1, precision 2/3), so AP = 1/2 * 1 + 1/2 * 2/3
     * = 5/6 whichever order the tied detections come in (hit first would give 1, miss first 5/6).
     */
    @Test
    void tiedScoresEnterTheCurveTogether() {
        for (boolean hitFirst : new boolean[] {true, false}) {
            DetectionTally t = new DetectionTally(CLASSES, 0.5);
            DetectedBox hit = box(0, 0.5, 0, 0, 10, 10);
            DetectedBox miss = box(0, 0.5, 50, 50, 60, 60);
            t.addImage(List.of(truth(0, 0, 0, 10, 10)), List.of(box(0, 0.9, 0, 0, 10, 10)));
            t.addImage(List.of(truth(0, 0, 0, 10, 10)), hitFirst ? List.of(hit, miss) : List.of(miss, hit));
            assertThat(new DetectionReport(t).averagePrecision(0)).as("hit first: %s", hitFirst).isCloseTo(5.0 / 6, within(1e-12));
        }
    }

    /** Just below IoU 0.5 is a miss; everything found and nothing else is AP 1. */
    @Test
    void theIouThresholdAndAPerfectDetector() {
        DetectionTally t = new DetectionTally(CLASSES, 0.5);
        t.addImage(List.of(truth(0, 0, 0, 10, 10), truth(1, 20, 20, 30, 30)),
                List.of(box(0, 0.8, 0, 0, 10, 4.99f), box(1, 0.7, 20, 20, 30, 30)));
        DetectionReport r = new DetectionReport(t);
        assertThat(r.averagePrecision(0)).isEqualTo(0.0);
        assertThat(r.averagePrecision(1)).isEqualTo(1.0);
        assertThat(r.meanAveragePrecision()).isEqualTo(0.5);
    }

    /**
     * AP straight from scores and flags. FP, TP, TP against 2 objects: points (0, 0), (1/2, 1/2), (1, 2/3); the
     * interpolated precision at recall 1/2 is the best at any recall >= 1/2, 2/3, so AP = 2/3. TP, TP, FP against
     * 4 objects: recall stops at 1/2 with precision 1, AP = 1/2.
     */
    @Test
    void averagePrecisionFromScoresAndFlags() {
        float[] scores = {0.9f, 0.8f, 0.7f};
        assertThat(AveragePrecision.of(scores, new boolean[] {false, true, true}, 3, 2)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(AveragePrecision.of(scores, new boolean[] {true, true, false}, 3, 4)).isCloseTo(0.5, within(1e-12));
        assertThat(AveragePrecision.of(scores, new boolean[3], 0, 0)).isNaN();
    }
}
