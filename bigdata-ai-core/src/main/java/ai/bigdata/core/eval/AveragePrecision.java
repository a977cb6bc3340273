package ai.bigdata.core.eval;

/**
 * VOC-style average precision of one class from its scored detections, each a true or a false positive, and
 * the number of true objects: the precision-recall curve is taken at every distinct score (detections with
 * equal scores enter together, so their order does not matter), precision is made non-increasing from the
 * right (the interpolated precision at recall r is the best precision at any recall >= r), and AP is the area
 * under that step curve over all recall points (VOC 2010 and later, "all-point interpolation").
 */
final class AveragePrecision {
    private AveragePrecision() {
    }

    /**
     * The AP of detections with {@code scores} and {@code truePositive} flags (the first {@code n} of each) against
     * {@code objects} true objects; NaN when there is no object.
     */
    static double of(float[] scores, boolean[] truePositive, int n, long objects) {
        if (objects == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        double[] recall = new double[n + 2];
        double[] precision = new double[n + 2];
        int points = 1;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < n; i++) {
            if (truePositive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            boolean groupEnds = i == n - 1 || scores[order[i + 1]] != scores[order[i]];
            if (groupEnds) {
                recall[points] = (double) tp / objects;
                precision[points] = (double) tp / (tp + fp);
                points++;
            }
        }
        recall[points] = 1;
        precision[points] = 0;
        for (int i = points - 1; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double ap = 0;
        for (int i = 0; i < points; i++) {
            ap += (recall[i + 1] - recall[i]) * precision[i + 1];
        }
        return ap;
    }
}
