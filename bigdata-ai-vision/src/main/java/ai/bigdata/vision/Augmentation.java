package ai.bigdata.vision;

import java.util.SplittableRandom;

/**
 * One image operation of an {@link AugmentationPipeline}. Random operations draw only from the generator
 * they are given, so an image's result is a function of the pipeline's seed and the image's position
 * (epoch, batch, row). Geometric operations fill uncovered pixels with 0. Every factory checks its
 * arguments.
 */
@FunctionalInterface
public interface Augmentation {
    /** The operation applied to {@code image} (which it may change in place). */
    ImageTensor apply(ImageTensor image, SplittableRandom random);

    /** Mirrors left and right with probability {@code p}. */
    static Augmentation horizontalFlip(double p) {
        return new Flip(true, p);
    }

    /** Mirrors top and bottom with probability {@code p}. */
    static Augmentation verticalFlip(double p) {
        return new Flip(false, p);
    }

    /**
     * Pads each side with {@code padding} zeros, then cuts a {@code height x width} window at a uniformly
     * drawn position (torchvision's {@code RandomCrop(size, padding)}).
     */
    static Augmentation randomCrop(int height, int width, int padding) {
        return new RandomCrop(height, width, padding);
    }

    /**
     * Rotates by an angle drawn uniformly from {@code [-maxDegrees, maxDegrees]} (positive: counter-clockwise
     * as displayed) about the image centre and shifts by whole pixels drawn from {@code [-maxShift * width,
     * maxShift * width]} (and likewise for the height), nearest-neighbour sampling (torchvision's
     * {@code RandomAffine(degrees, translate)} with its default interpolation).
     */
    static Augmentation rotateAndShift(double maxDegrees, double maxShift) {
        return new RotateShift(maxDegrees, maxShift);
    }

    /**
     * With probability {@code p}, sets a rectangle to 0 in every channel: its area a fraction of the image
     * drawn from {@code [minArea, maxArea]}, its aspect ratio (height / width) log-uniform in
     * {@code [minRatio, maxRatio]}, its position uniform; up to 10 draws for a rectangle that fits, else
     * nothing is erased (torchvision's {@code RandomErasing}).
     */
    static Augmentation randomErasing(double p, double minArea, double maxArea, double minRatio, double maxRatio) {
        return new RandomErasing(p, minArea, maxArea, minRatio, maxRatio);
    }

    /** {@link #randomErasing(double, double, double, double, double)} with torchvision's defaults (0.02-0.33, 0.3-3.3). */
    static Augmentation randomErasing(double p) {
        return new RandomErasing(p, 0.02, 0.33, 0.3, 3.3);
    }

    /**
     * Brightness then contrast jitter for images in [0, 1]: values multiplied by a factor drawn from
     * {@code [max(0, 1 - brightness), 1 + brightness]}, then blended with the image's mean grey level
     * by a factor drawn from {@code [max(0, 1 - contrast), 1 + contrast]}; each result clamped to [0, 1]
     * (torchvision's {@code ColorJitter(brightness, contrast)}, in a fixed order).
     */
    static Augmentation brightnessContrast(double brightness, double contrast) {
        return new BrightnessContrast(brightness, contrast);
    }

    /** Resizes to {@code height x width}, bilinear with half-pixel centres (no random draw). */
    static Augmentation resize(int height, int width) {
        return new Resize(height, width);
    }

    /** Cuts the {@code height x width} window around the centre (no random draw). */
    static Augmentation centerCrop(int height, int width) {
        return new CenterCrop(height, width);
    }
}
