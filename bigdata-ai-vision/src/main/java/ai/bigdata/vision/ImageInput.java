package ai.bigdata.vision;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.Arrays;
import java.util.List;

/** The checks every CNN builder makes on a signature: one image tensor column and a label. */
final class ImageInput {
    private ImageInput() {
    }

    /**
     * The {@code [channels, height, width]} of the signature's one tensor column, at least
     * {@code minSide} pixels high and wide.
     *
     * @throws SchemaMismatchException naming the columns when the features are not one image tensor, the
     *     image is too small for {@code network}, or there is no label
     */
    static int[] shape(ModelSignature sig, String network, int minSide) {
        int[] shape = sig.featureShape();
        if (sig.features().size() != 1 || shape.length != 3) {
            throw new SchemaMismatchException(sig.featureNames(), network + " reads one tensor column shaped [channels, height,"
                    + " width]; the data gives " + sig.featureNames() + " with shape " + Arrays.toString(shape)
                    + (shape.length == 2 ? " (grey images without a channel axis: IdxReader's channelAxis() and"
                            + " FashionMnist.embeddedSample(true) / read(dir, split, true) give [1, height, width])" : ""));
        }
        if (shape[1] < minSide || shape[2] < minSide) {
            throw new SchemaMismatchException(sig.featureNames(), network + " needs images of at least " + minSide + " x " + minSide
                    + " pixels; column " + sig.featureNames().get(0) + " is " + shape[1] + " x " + shape[2]);
        }
        if (sig.task() == Task.RECONSTRUCTION) {
            throw new SchemaMismatchException(List.of(), network + " needs a label; got a reconstruction signature");
        }
        return shape;
    }

    /** Checks an L2 coefficient. */
    static double l2(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + coefficient);
        }
        return coefficient;
    }

    /** Checks a dropout rate (the fraction of inputs dropped). */
    static double dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
        }
        return rate;
    }
}
