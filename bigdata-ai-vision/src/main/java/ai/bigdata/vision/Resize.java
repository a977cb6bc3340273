package ai.bigdata.vision;

import java.util.SplittableRandom;

/** Bilinear resizing to a fixed size; no draw. */
final class Resize implements Augmentation {
    private final int height;
    private final int width;

    Resize(int height, int width) {
        this.height = AugmentChecks.positive("height", height);
        this.width = AugmentChecks.positive("width", width);
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        return new ImageTensor(Resampling.bilinear(im.values(), im.channels(), im.height(), im.width(), height, width),
                im.channels(), height, width);
    }
}
