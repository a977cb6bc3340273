package ai.bigdata.vision;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A single-shot, YOLOv2-style grid detector, sized from the data: one image tensor column
 * {@code [channels, height, width]} as features and a boxes label ({@code Column.boxes}) whose classes size
 * the output. A backbone of {@code poolings} stages (a 3x3 convolution with batch normalisation and ReLU,
 * then 2x2 max pooling; filters doubling up to four times the first) reduces the image to a grid of cells of
 * {@code 2^poolings} pixels; two more 3x3 convolutions and a 1x1 convolution give, per cell and anchor box,
 * the box's centre offset, size, objectness and class scores, trained by DL4J's {@code Yolo2OutputLayer}
 * (YOLOv2 loss). The anchor boxes (priors) are given in pixels or fitted to the training boxes
 * ({@link #anchorsFrom}). A core {@link GraphNetwork}: trained by the {@code Trainer}, evaluated by
 * {@code Evaluator.detection()}, bundled and served like any other network; its predictions are a
 * {@code prediction} boxes column and a {@code confidence} column.
 */
public final class YoloDetector {
    private int filters = 16;
    private int poolings = 3;
    private double[][] anchors;
    private double lambdaCoord = 5;
    private double lambdaNoObject = 0.5;

    YoloDetector() {
    }

    /** Filters of the first stage (default 16); each later stage doubles them, up to four times this. */
    public YoloDetector filters(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("filters must be positive, got " + n);
        }
        this.filters = n;
        return this;
    }

    /** Pooling stages (default 3): a grid cell is {@code 2^poolings} pixels, which must divide the image. */
    public YoloDetector poolings(int n) {
        if (n < 1 || n > 6) {
            throw new IllegalArgumentException("poolings must be in [1, 6], got " + n);
        }
        this.poolings = n;
        return this;
    }

    /** The anchor boxes as {@code {width, height}} pairs in pixels (default: fitted, see {@link #anchorsFrom}). */
    public YoloDetector anchors(double[]... widthHeight) {
        if (widthHeight == null || widthHeight.length == 0) {
            throw new IllegalArgumentException("at least one anchor box is needed");
        }
        double[][] copy = new double[widthHeight.length][];
        for (int i = 0; i < copy.length; i++) {
            double[] a = widthHeight[i];
            if (a == null || a.length != 2 || !(a[0] > 0) || !(a[1] > 0) || Double.isInfinite(a[0]) || Double.isInfinite(a[1])) {
                throw new IllegalArgumentException("anchor " + i + " must be {width, height} with finite positive sizes, got "
                        + Arrays.toString(a));
            }
            copy[i] = a.clone();
        }
        this.anchors = copy;
        return this;
    }

    /**
     * Anchor boxes fitted to the boxes of {@code data}'s boxes column {@code column}: {@code count} clusters of the
     * boxes' widths and heights by k-means with 1 - IoU as the distance (as YOLOv2 chooses its priors).
     */
    public YoloDetector anchorsFrom(Dataset data, String column, int count) {
        return anchors(BoxAnchors.fit(data, column, count));
    }

    /** The YOLO loss weights of box position and size (default 5) and of objectness where there is no object (default 0.5). */
    public YoloDetector lossWeights(double coordinates, double noObject) {
        if (!(coordinates > 0) || !(noObject > 0) || Double.isInfinite(coordinates) || Double.isInfinite(noObject)) {
            throw new IllegalArgumentException("loss weights must be finite and positive, got " + coordinates + " and " + noObject);
        }
        this.lambdaCoord = coordinates;
        this.lambdaNoObject = noObject;
        return this;
    }

    /**
     * The untrained network; the trainer sizes and initialises it from the training data.
     *
     * @throws IllegalStateException when no anchors were given or fitted
     */
    public GraphNetwork build() {
        if (anchors == null) {
            throw new IllegalStateException("a detector needs anchor boxes: anchors(...) in pixels, or anchorsFrom(trainingData, \"boxes\", 3)");
        }
        int f = filters;
        int p = poolings;
        double[][] a = anchors;
        double coord = lambdaCoord;
        double noObj = lambdaNoObject;
        return GraphNetwork.of(toString(), (sig, settings) -> configure(sig, settings, f, p, a, coord, noObj));
    }

    private static ComputationGraphConfiguration configure(ModelSignature sig, NetworkSettings settings, int filters, int poolings,
            double[][] anchors, double lambdaCoord, double lambdaNoObject) {
        int cell = 1 << poolings;
        int[] shape = ImageInput.shape(sig, "a detector with " + poolings + " poolings", cell);
        if (sig.task() != Task.DETECTION) {
            throw new SchemaMismatchException(List.of(String.valueOf(sig.label())), "a detector needs a boxes label"
                    + " (Column.boxes, such as FashionScenes.label(BOXES)); the signature is " + sig);
        }
        if (shape[1] % cell != 0 || shape[2] % cell != 0) {
            throw new SchemaMismatchException(sig.featureNames(), "a detector with " + poolings + " poolings needs height and width"
                    + " divisible by " + cell + "; the image is " + shape[1] + " x " + shape[2]);
        }
        int classes = sig.classNames().size();
        ComputationGraphConfiguration.GraphBuilder g = settings.configuration(0).graphBuilder().addInputs("input")
                .setInputTypes(InputType.convolutional(shape[1], shape[2], shape[0]));
        String prev = "input";
        for (int s = 0; s < poolings; s++) {
            prev = ConvBlocks.convBnRelu(g, "stage" + s, prev, filters << Math.min(s, 2));
            g.addLayer("pool" + s, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), prev);
            prev = "pool" + s;
        }
        prev = ConvBlocks.convBnRelu(g, "head0", prev, filters << 2);
        prev = ConvBlocks.convBnRelu(g, "head1", prev, filters << 2);
        float[][] priors = new float[anchors.length][2];
        for (int i = 0; i < anchors.length; i++) {
            priors[i][0] = (float) (anchors[i][0] / cell);
            priors[i][1] = (float) (anchors[i][1] / cell);
        }
        g.addLayer("scores", new ConvolutionLayer.Builder(1, 1).nOut(anchors.length * (5 + classes))
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), prev);
        g.addLayer("output", new Yolo2OutputLayer.Builder().boundingBoxPriors(Nd4j.create(priors)).lambdaCoord(lambdaCoord)
                .lambdaNoObj(lambdaNoObject).build(), "scores");
        g.setOutputs("output");
        return g.build();
    }

    @Override
    public String toString() {
        StringBuilder a = new StringBuilder();
        if (anchors != null) {
            for (double[] x : anchors) {
                a.append(a.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1fx%.1f", x[0], x[1]));
            }
        }
        return "yolo detector filters " + filters + ", poolings " + poolings + ", anchors " + (anchors == null ? "none" : a);
    }
}
