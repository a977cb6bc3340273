package ai.bigdata.core.internal;

/**
 * A box with a class and a score, in continuous pixel coordinates: it covers {@code [x0, x1) x [y0, y1)}, so
 * a box column's inclusive pixel bounds {@code (x0, y0, x1, y1)} are {@code [x0, x1 + 1) x [y0, y1 + 1)}.
 *
 * @param classIndex the class, 0-based in the model's class order
 * @param score the confidence (1 for a true box)
 */
public record DetectedBox(int classIndex, float score, float x0, float y0, float x1, float y1) {
    /** The box of a boxes column's inclusive pixel bounds. */
    public static DetectedBox ofPixels(int classIndex, float score, float x0, float y0, float x1, float y1) {
        return new DetectedBox(classIndex, score, x0, y0, x1 + 1, y1 + 1);
    }

    /** The area (0 for an empty box). */
    public double area() {
        return Math.max(0, x1 - x0) * (double) Math.max(0, y1 - y0);
    }

    /** Intersection over union with {@code o} (0 when both are empty). */
    public double iou(DetectedBox o) {
        double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + o.area() - inter);
    }
}
