package ai.bigdata.vision;

import java.util.SplittableRandom;

/** Brightness then contrast jitter for images in [0, 1]; two draws per image. */
final class BrightnessContrast implements Augmentation {
    private final double brightness;
    private final double contrast;

    BrightnessContrast(double brightness, double contrast) {
        this.brightness = AugmentChecks.nonNegative("brightness", brightness);
        this.contrast = AugmentChecks.nonNegative("contrast", contrast);
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        double b = AugmentChecks.uniform(random, Math.max(0, 1 - brightness), 1 + brightness);
        double c = AugmentChecks.uniform(random, Math.max(0, 1 - contrast), 1 + contrast);
        return adjust(im, b, c);
    }

    /**
     * Each value times {@code b}, clamped to [0, 1]; then blended as {@code c * x + (1 - c) * m}, clamped,
     * where {@code m} is the mean grey level of the brightened image (the luma 0.299 R + 0.587 G + 0.114 B
     * for three channels, the mean of all values otherwise).
     */
    static ImageTensor adjust(ImageTensor im, double b, double c) {
        float[] v = im.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = clamp(v[i] * b);
        }
        int plane = im.height() * im.width();
        double sum = 0;
        if (im.channels() == 3) {
            for (int i = 0; i < plane; i++) {
                sum += 0.299 * v[i] + 0.587 * v[plane + i] + 0.114 * v[2 * plane + i];
            }
        } else {
            for (float x : v) {
                sum += x;
            }
            sum /= im.channels();
        }
        double mean = sum / plane;
        for (int i = 0; i < v.length; i++) {
            v[i] = clamp(c * v[i] + (1 - c) * mean);
        }
        return im;
    }

    private static float clamp(double x) {
        return (float) Math.max(0, Math.min(1, x));
    }
}
