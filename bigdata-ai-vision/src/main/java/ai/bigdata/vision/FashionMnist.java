package ai.bigdata.vision;

import ai.bigdata.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;

/** Fashion-MNIST: its class names, its files, and a 2,000-image sample that ships with this module. */
public final class FashionMnist {
    /** The ten class names, in label order. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String SAMPLE = "/ai/bigdata/vision/demo/fashion-mnist-2000-";

    private FashionMnist() {
    }

    /** The first 2,000 test images (MIT licence, see the NOTICE.txt beside them), pixels in [0, 1], shaped [28, 28]. */
    public static Dataset embeddedSample() {
        return embeddedSample(false);
    }

    /**
     * The first 2,000 test images, pixels in [0, 1]: shaped {@code [1, 28, 28]} with {@code channelAxis} (what the
     * convolutional builders of {@link ConvNets} read), {@code [28, 28]} without.
     */
    public static Dataset embeddedSample(boolean channelAxis) {
        IdxReader.Builder b = IdxReader.sources(() -> resource("images-idx3-ubyte.gz"), "embedded Fashion-MNIST images",
                () -> resource("labels-idx1-ubyte.gz"), "embedded Fashion-MNIST labels").classNames(CLASS_NAMES);
        return (channelAxis ? b.channelAxis() : b).read();
    }

    private static java.io.InputStream resource(String suffix) {
        java.io.InputStream in = FashionMnist.class.getResourceAsStream(SAMPLE + suffix);
        if (in == null) {
            throw new IllegalStateException("the embedded Fashion-MNIST sample is missing from the class path: " + SAMPLE + suffix);
        }
        return in;
    }

    /** One split of the full data set in {@code dir}: "train" (60,000 images) or "t10k" (10,000), shaped [28, 28]. */
    public static Dataset read(Path dir, String split) {
        return read(dir, split, false);
    }

    /**
     * One split of the full data set in {@code dir}: "train" (60,000 images) or "t10k" (10,000), shaped
     * {@code [1, 28, 28]} with {@code channelAxis} (what {@link ConvNets} builders read), {@code [28, 28]} without.
     */
    public static Dataset read(Path dir, String split, boolean channelAxis) {
        if (!split.equals("train") && !split.equals("t10k")) {
            throw new IllegalArgumentException("split must be \"train\" or \"t10k\", got \"" + split + "\"");
        }
        IdxReader.Builder b = IdxReader.files(dir.resolve(split + "-images-idx3-ubyte.gz"),
                dir.resolve(split + "-labels-idx1-ubyte.gz")).classNames(CLASS_NAMES);
        return (channelAxis ? b.channelAxis() : b).read();
    }
}
