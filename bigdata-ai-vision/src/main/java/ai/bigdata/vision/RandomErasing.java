package ai.bigdata.vision;

import java.util.SplittableRandom;

/** torchvision's random erasing with the value 0; draws: one for the probability, then up to 10 tries of four. */
final class RandomErasing implements Augmentation {
    private final double p;
    private final double minArea;
    private final double maxArea;
    private final double minLogRatio;
    private final double maxLogRatio;

    RandomErasing(double p, double minArea, double maxArea, double minRatio, double maxRatio) {
        this.p = AugmentChecks.probability("erasing probability", p);
        if (!(minArea > 0 && minArea <= maxArea && maxArea <= 1)) {
            throw new IllegalArgumentException("erased area fractions need 0 < min <= max <= 1, got " + minArea + ", " + maxArea);
        }
        if (!(minRatio > 0 && minRatio <= maxRatio) || Double.isInfinite(maxRatio)) {
            throw new IllegalArgumentException("aspect ratios need 0 < min <= max, finite, got " + minRatio + ", " + maxRatio);
        }
        this.minArea = minArea;
        this.maxArea = maxArea;
        this.minLogRatio = Math.log(minRatio);
        this.maxLogRatio = Math.log(maxRatio);
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        if (!(random.nextDouble() < p)) {
            return im;
        }
        int h = im.height();
        int w = im.width();
        double area = (double) h * w;
        for (int attempt = 0; attempt < 10; attempt++) {
            double erase = area * AugmentChecks.uniform(random, minArea, maxArea);
            double ratio = Math.exp(AugmentChecks.uniform(random, minLogRatio, maxLogRatio));
            int eh = (int) Math.round(Math.sqrt(erase * ratio));
            int ew = (int) Math.round(Math.sqrt(erase / ratio));
            if (eh < 1 || ew < 1 || eh >= h || ew >= w) {
                continue;
            }
            int top = random.nextInt(h - eh + 1);
            int left = random.nextInt(w - ew + 1);
            fill(im, top, left, eh, ew);
            return im;
        }
        return im;
    }

    /** Sets the rectangle to 0 in every channel. */
    static void fill(ImageTensor im, int top, int left, int eh, int ew) {
        for (int c = 0; c < im.channels(); c++) {
            for (int y = top; y < top + eh; y++) {
                int row = (c * im.height() + y) * im.width();
                java.util.Arrays.fill(im.values(), row + left, row + left + ew, 0f);
            }
        }
    }
}
