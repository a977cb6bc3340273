package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What the trainer decides about a network before it exists: seed, optimiser (with its learning-rate
 * schedule), decoupled weight decay, gradient clipping and class weights. A {@link NetworkRecipe}
 * turns these and a {@link ModelSignature} into a DL4J configuration.
 *
 * @param seed the seed of weight initialisation and dropout
 * @param updater the DL4J updater (optimiser and learning rate or schedule)
 * @param weightDecay decoupled weight decay per step, scaled by the learning rate (AdamW); 0 for none
 * @param clipGradientNorm the largest L2 norm of one layer's gradient; 0 for no clipping
 * @param classWeights a weight per class for the loss, or null for equal weights
 */
public record NetworkSettings(long seed, IUpdater updater, double weightDecay, double clipGradientNorm, double[] classWeights) {
    /** Checks the values. */
    public NetworkSettings {
        Objects.requireNonNull(updater, "updater");
        if (weightDecay < 0 || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        if (clipGradientNorm < 0 || !Double.isFinite(clipGradientNorm)) {
            throw new IllegalArgumentException("clipGradientNorm must be finite and >= 0, got " + clipGradientNorm);
        }
        classWeights = classWeights == null ? null : classWeights.clone();
    }

    /**
     * The DL4J configuration builder every recipe starts from: this seed and updater, Xavier weights,
     * float32, decoupled weight decay and gradient clipping as set here, and {@code l2} (0 for none).
     * Call {@code .list()} for a layer stack or {@code .graphBuilder()} for a graph.
     */
    public NeuralNetConfiguration.Builder configuration(double l2) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
        }
        return Layers.base(this, l2);
    }

    /**
     * The output layer for the signature's task reading {@code nIn} values: softmax with cross-entropy
     * (weighted by the class weights) for classification, identity with mean squared error for
     * regression.
     *
     * @throws IllegalArgumentException when class weights do not fit the task or the number of classes
     * @throws SchemaMismatchException for a segmentation signature (a class mask label), which needs a
     *     per-element output such as a {@code CnnLossLayer}
     */
    public OutputLayer outputLayer(ModelSignature signature, int nIn) {
        return Layers.output(signature, this, nIn);
    }

    @Override
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSettings s && s.seed == seed && s.updater.equals(updater) && s.weightDecay == weightDecay
                && s.clipGradientNorm == clipGradientNorm && Arrays.equals(s.classWeights, classWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, updater, weightDecay, clipGradientNorm, Arrays.hashCode(classWeights));
    }

    @Override
    public String toString() {
        return "seed " + seed + ", " + updater + (weightDecay > 0 ? ", weight decay " + weightDecay : "")
                + (clipGradientNorm > 0 ? ", clip " + clipGradientNorm : "")
                + (classWeights != null ? ", class weights " + Arrays.toString(classWeights) : "");
    }
}
