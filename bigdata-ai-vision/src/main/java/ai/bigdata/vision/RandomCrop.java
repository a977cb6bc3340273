package ai.bigdata.vision;

import java.util.SplittableRandom;

/** Zero padding on every side, then a window at a uniform position; two draws per image (top, then left). */
final class RandomCrop implements Augmentation {
    private final int height;
    private final int width;
    private final int padding;

    RandomCrop(int height, int width, int padding) {
        this.height = AugmentChecks.positive("crop height", height);
        this.width = AugmentChecks.positive("crop width", width);
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        this.padding = padding;
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        int ph = im.height() + 2 * padding;
        int pw = im.width() + 2 * padding;
        if (height > ph || width > pw) {
            throw new IllegalArgumentException("a crop of " + height + " x " + width + " does not fit in an image of "
                    + im.height() + " x " + im.width() + " padded by " + padding);
        }
        int top = random.nextInt(ph - height + 1) - padding;
        int left = random.nextInt(pw - width + 1) - padding;
        return window(im, top, left, height, width);
    }

    /** The window at {@code (top, left)} in image coordinates (may reach outside: zeros there). */
    static ImageTensor window(ImageTensor im, int top, int left, int height, int width) {
        float[] out = new float[im.channels() * height * width];
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < height; y++) {
                int sy = top + y;
                if (sy < 0 || sy >= im.height()) {
                    continue;
                }
                int x0 = Math.max(0, -left);
                int x1 = Math.min(width, im.width() - left);
                if (x1 > x0) {
                    System.arraycopy(im.values(), (c * im.height() + sy) * im.width() + left + x0, out,
                            (c * height + y) * width + x0, x1 - x0);
                }
            }
        }
        return new ImageTensor(out, im.channels(), height, width);
    }
}
