package ai.bigdata.core.eval;

import ai.bigdata.core.internal.DetectedBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Matches each image's detections to its true boxes as PASCAL VOC does and keeps, per class, every
 * detection's score and whether it is a true positive, plus the number of true objects. Detections are taken
 * in order of falling score; one is a true positive when the true box of its class it overlaps most has IoU
 * of at least the threshold and has not been matched before; otherwise (no such box, or a duplicate of a box
 * already matched) it is a false positive. True boxes left unmatched are missed objects.
 */
final class DetectionTally {
    private final List<String> classes;
    private final double iouThreshold;
    private final long[] objects;
    private final float[][] scores;
    private final boolean[][] truePositive;
    private final int[] counts;
    private long images;

    DetectionTally(List<String> classes, double iouThreshold) {
        this.classes = List.copyOf(classes);
        this.iouThreshold = iouThreshold;
        int k = classes.size();
        this.objects = new long[k];
        this.scores = new float[k][16];
        this.truePositive = new boolean[k][16];
        this.counts = new int[k];
    }

    /** Counts one image: its true boxes (scores ignored) and its detections. */
    void addImage(List<DetectedBox> truth, List<DetectedBox> detections) {
        images++;
        boolean[] matched = new boolean[truth.size()];
        for (DetectedBox t : truth) {
            objects[checkClass(t)]++;
        }
        List<DetectedBox> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble((DetectedBox d) -> d.score()).reversed());
        for (DetectedBox d : sorted) {
            int k = checkClass(d);
            int best = -1;
            double bestIou = -1;
            for (int j = 0; j < truth.size(); j++) {
                DetectedBox t = truth.get(j);
                if (t.classIndex() == k) {
                    double iou = d.iou(t);
                    if (iou > bestIou) {
                        bestIou = iou;
                        best = j;
                    }
                }
            }
            boolean tp = best >= 0 && bestIou >= iouThreshold && !matched[best];
            if (tp) {
                matched[best] = true;
            }
            add(k, d.score(), tp);
        }
    }

    private int checkClass(DetectedBox b) {
        if (b.classIndex() < 0 || b.classIndex() >= classes.size()) {
            throw new IllegalArgumentException("box class " + b.classIndex() + " is not one of the " + classes.size() + " classes "
                    + classes);
        }
        return b.classIndex();
    }

    private void add(int k, float score, boolean tp) {
        if (counts[k] == scores[k].length) {
            scores[k] = Arrays.copyOf(scores[k], counts[k] * 2);
            truePositive[k] = Arrays.copyOf(truePositive[k], counts[k] * 2);
        }
        scores[k][counts[k]] = score;
        truePositive[k][counts[k]] = tp;
        counts[k]++;
    }

    List<String> classes() {
        return classes;
    }

    double iouThreshold() {
        return iouThreshold;
    }

    long images() {
        return images;
    }

    /** True objects of class {@code k}. */
    long objects(int k) {
        return objects[k];
    }

    /** Detections of class {@code k}. */
    int detections(int k) {
        return counts[k];
    }

    /** True positives among the detections of class {@code k}. */
    int truePositives(int k) {
        int n = 0;
        for (int i = 0; i < counts[k]; i++) {
            n += truePositive[k][i] ? 1 : 0;
        }
        return n;
    }

    /** The average precision of class {@code k} (NaN without true objects). */
    double averagePrecision(int k) {
        return AveragePrecision.of(scores[k], truePositive[k], counts[k], objects[k]);
    }
}
