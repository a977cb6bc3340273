package ai.bigdata.vision;

/**
 * One image as float values, channel-first ({@code [channels, height, width]}, row-major), as the
 * augmentation operations see it. The array is the image's own: operations may change it in place and
 * return the same object, or return a new one.
 *
 * @param values {@code channels * height * width} values
 * @param channels channels (1 grey, 3 RGB, or any other count)
 * @param height rows
 * @param width columns
 */
public record ImageTensor(float[] values, int channels, int height, int width) {
    /** Checks that the dimensions are positive and that {@code values} holds exactly one image. */
    public ImageTensor {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("an image needs positive dimensions, got " + channels + " x " + height + " x "
                    + width);
        }
        if (values.length != (long) channels * height * width) {
            throw new IllegalArgumentException("an image of " + channels + " x " + height + " x " + width + " holds "
                    + (long) channels * height * width + " values, got " + values.length);
        }
    }

    /** The value at channel {@code c}, row {@code y}, column {@code x}. */
    public float at(int c, int y, int x) {
        return values[(c * height + y) * width + x];
    }
}
