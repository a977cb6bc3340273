package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.Objects;
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
