package ai.bigdata.vision;

/** How {@link ImageFolder} brings images to the target size. */
public enum ResizePolicy {
    /**
     * Every image must already have the target size (or, without one, the size of the first image kept);
     * an image of another size is a bad input under the reader's error policy.
     */
    EXACT,
    /** Stretched to the target size with bilinear interpolation (the aspect ratio may change). */
    RESIZE,
    /**
     * Scaled (bilinear) so that it covers the target size with its aspect ratio kept, then cut to the
     * target size around its centre.
     */
    RESIZE_CENTER_CROP
}
