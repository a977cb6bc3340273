package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.SchemaMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Anchor boxes for a detector fitted to training boxes as YOLOv2 fits them: k-means over the boxes'
 * {@code (width, height)} with {@code 1 - IoU} of two boxes sharing a centre as the distance. The clusters
 * start at the boxes at evenly spaced ranks by area, so the result is deterministic.
 */
final class BoxAnchors {
    private static final int ITERATIONS = 30;

    private BoxAnchors() {
    }

    /**
     * {@code count} anchors {@code {width, height}} in pixels, smallest area first, from the boxes column {@code column}.
     *
     * @throws SchemaMismatchException when the column is missing or no boxes column
     * @throws IllegalArgumentException when there are fewer boxes than anchors
     */
    static double[][] fit(Dataset data, String column, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("anchor count must be positive, got " + count);
        }
        if (!data.schema().contains(column) || !data.schema().column(column).isBoxes()) {
            throw new SchemaMismatchException(List.of(column), "anchors are fitted to a boxes column (Column.boxes); '" + column
                    + "' is " + (data.schema().contains(column) ? data.schema().column(column) : "missing") + " in " + data.schema());
        }
        Column col = data.schema().column(column);
        int maxBoxes = col.shape()[0];
        List<double[]> sizes = new ArrayList<>();
        data.forEachRow(r -> {
            float[] b = (float[]) r.get(column);
            if (b == null) {
                return;
            }
            for (int k = 0; k < maxBoxes; k++) {
                if (b[5 * k] != 0) {
                    sizes.add(new double[] {b[5 * k + 3] - b[5 * k + 1] + 1, b[5 * k + 4] - b[5 * k + 2] + 1});
                }
            }
        });
        if (sizes.size() < count) {
            throw new IllegalArgumentException(count + " anchors need at least as many boxes; column '" + column + "' has " + sizes.size());
        }
        sizes.sort(Comparator.comparingDouble((double[] s) -> s[0] * s[1]));
        double[][] centres = new double[count][];
        for (int c = 0; c < count; c++) {
            centres[c] = sizes.get((int) ((c + 0.5) * sizes.size() / count)).clone();
        }
        int[] assigned = new int[sizes.size()];
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] sum = new double[count][3];
            for (int i = 0; i < sizes.size(); i++) {
                double[] s = sizes.get(i);
                int best = 0;
                for (int c = 1; c < count; c++) {
                    if (iou(s, centres[c]) > iou(s, centres[best])) {
                        best = c;
                    }
                }
                assigned[i] = best;
                sum[best][0] += s[0];
                sum[best][1] += s[1];
                sum[best][2]++;
            }
            for (int c = 0; c < count; c++) {
                if (sum[c][2] > 0) {
                    centres[c] = new double[] {sum[c][0] / sum[c][2], sum[c][1] / sum[c][2]};
                }
            }
        }
        Arrays.sort(centres, Comparator.comparingDouble((double[] s) -> s[0] * s[1]));
        return centres;
    }

    /** IoU of two boxes of sizes {@code a} and {@code b} sharing a centre. */
    static double iou(double[] a, double[] b) {
        double inter = Math.min(a[0], b[0]) * Math.min(a[1], b[1]);
        return inter / (a[0] * a[1] + b[0] * b[1] - inter);
    }
}
