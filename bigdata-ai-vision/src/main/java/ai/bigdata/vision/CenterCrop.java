package ai.bigdata.vision;

import java.util.SplittableRandom;

/** The centre window of a fixed size; no draw. */
final class CenterCrop implements Augmentation {
    private final int height;
    private final int width;

    CenterCrop(int height, int width) {
        this.height = AugmentChecks.positive("height", height);
        this.width = AugmentChecks.positive("width", width);
    }

    @Override
    public ImageTensor apply(ImageTensor im, SplittableRandom random) {
        return new ImageTensor(Resampling.centerCrop(im.values(), im.channels(), im.height(), im.width(), height, width),
                im.channels(), height, width);
    }
}
