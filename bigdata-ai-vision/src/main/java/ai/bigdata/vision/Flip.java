package ai.bigdata.vision;

import java.util.SplittableRandom;

/** A horizontal or vertical mirror with a probability; one draw per image. */
final class Flip implements Augmentation {
    private final boolean horizontal;
    private final double p;

    Flip(boolean horizontal, double p) {
        this.horizontal = horizontal;
        this.p = AugmentChecks.probability("flip probability", p);
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        if (!(random.nextDouble() < p)) {
            return im;
        }
        float[] v = im.values();
        int h = im.height();
        int w = im.width();
        for (int c = 0; c < im.channels(); c++) {
            int base = c * h * w;
            if (horizontal) {
                for (int y = 0; y < h; y++) {
                    for (int a = base + y * w, b = a + w - 1; a < b; a++, b--) {
                        float t = v[a];
                        v[a] = v[b];
                        v[b] = t;
                    }
                }
            } else {
                float[] row = new float[w];
                for (int y = 0; y < h / 2; y++) {
                    int a = base + y * w;
                    int b = base + (h - 1 - y) * w;
                    System.arraycopy(v, a, row, 0, w);
                    System.arraycopy(v, b, v, a, w);
                    System.arraycopy(row, 0, v, b, w);
                }
            }
        }
        return im;
    }
}
