package ai.bigdata.vision;

import java.util.SplittableRandom;

/**
 * Rotation about the centre and a whole-pixel shift, nearest-neighbour; three draws per image (angle,
 * horizontal shift, vertical shift).
 */
final class RotateShift implements Augmentation {
    private final double maxDegrees;
    private final double maxShift;

    RotateShift(double maxDegrees, double maxShift) {
        this.maxDegrees = AugmentChecks.nonNegative("maxDegrees", maxDegrees);
        this.maxShift = AugmentChecks.nonNegative("maxShift", maxShift);
        if (maxDegrees > 180 || maxShift > 1) {
            throw new IllegalArgumentException("maxDegrees must be at most 180 and maxShift at most 1, got " + maxDegrees
                    + " and " + maxShift);
        }
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        double angle = AugmentChecks.uniform(random, -maxDegrees, maxDegrees);
        double dx = maxShift * im.width();
        double dy = maxShift * im.height();
        int tx = (int) Math.round(AugmentChecks.uniform(random, -dx, dx));
        int ty = (int) Math.round(AugmentChecks.uniform(random, -dy, dy));
        return transform(im, angle, tx, ty);
    }

    /**
     * The image rotated by {@code degrees} (counter-clockwise as displayed, y pointing down) about its
     * centre and shifted right by {@code tx} and down by {@code ty} pixels: each output pixel centre is
     * mapped back and takes the value of the source pixel it falls in, or 0 outside.
     */
    static ImageTensor transform(ImageTensor im, double degrees, int tx, int ty) {
        int h = im.height();
        int w = im.width();
        double cos = cosDegrees(degrees);
        double sin = cosDegrees(degrees - 90);
        double cx = w / 2.0;
        double cy = h / 2.0;
        float[] out = new float[im.values().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double px = x + 0.5 - cx - tx;
                double py = y + 0.5 - cy - ty;
                // inverse of a counter-clockwise rotation on screen (y down): rotate the other way
                double sx = cos * px - sin * py + cx;
                double sy = sin * px + cos * py + cy;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                if (ix < 0 || iy < 0 || ix >= w || iy >= h) {
                    continue;
                }
                for (int c = 0; c < im.channels(); c++) {
                    out[(c * h + y) * w + x] = im.values()[(c * h + iy) * w + ix];
                }
            }
        }
        return new ImageTensor(out, im.channels(), h, w);
    }

    /** The cosine, exact at multiples of 90 degrees (so quarter turns move pixels exactly). */
    private static double cosDegrees(double degrees) {
        double r = Math.IEEEremainder(degrees, 360);
        if (r == 0) {
            return 1;
        }
        if (Math.abs(r) == 180) {
            return -1;
        }
        if (Math.abs(r) == 90) {
            return 0;
        }
        return Math.cos(Math.toRadians(r));
    }
}
