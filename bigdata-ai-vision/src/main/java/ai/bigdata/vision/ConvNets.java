package ai.bigdata.vision;

/**
 * Convolutional network builders for images, sized from the data's schema like core's builders: each
 * reads one tensor column shaped {@code [channels, height, width]} and ends in a softmax
 * (categorical label) or linear (numeric label) output. They build core {@code NeuralNetwork}s, so the
 * trainer's seed, optimiser, weight decay and clipping apply, and they save in bundles and serve through
 * {@code Predictor} like any other model. A residual network is core's {@code GraphNetwork.residualCnn()}.
 *
 * <pre>{@code
 * NeuralNetwork cnn = ConvNets.vgg().blocks(32, 64).batchNorm(true).dropout(0.3).build();
 * Trainer.builder().epochs(10).batchTransform(augmentation::apply).build().fit(cnn, train, validation);
 * }</pre>
 */
public final class ConvNets {
    private ConvNets() {
    }

    /** LeNet-5: two convolution-pooling stages and dense layers of 120 and 84 units. */
    public static LeNet5 lenet5() {
        return new LeNet5();
    }

    /**
     * A U-Net for semantic segmentation (a core {@code GraphNetwork}): per-pixel classes for a class
     * mask label, default 16 filters and depth 3.
     */
    public static UNet unet() {
        return new UNet();
    }

    /**
     * A single-shot, YOLOv2-style grid detector (a core {@code GraphNetwork}) for a boxes label: boxes with a
     * confidence and a class per image; anchors given in pixels or fitted to the training boxes.
     */
    public static YoloDetector detector() {
        return new YoloDetector();
    }

    /** A small VGG-style network: conv-conv-pool blocks (default 32, 64 filters) and a dense layer. */
    public static VggNet vgg() {
        return new VggNet();
    }
}
