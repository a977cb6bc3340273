package ai.bigdata.core.federated;

import java.util.Locale;

/**
 * Client-level differential privacy for federated averaging (DP-FedAvg, McMahan et al. 2018): every
 * client's update is clipped to L2 norm {@code clipNorm}, clients take part by independent (Poisson)
 * sampling at the round's client fraction, the server averages with a fixed denominator (the expected
 * number of clients) and adds Gaussian noise of standard deviation {@code noiseMultiplier * clipNorm} to
 * the sum. An {@link RdpAccountant} reports epsilon at {@link #delta()} after every round.
 *
 * <p>The noise is drawn from a generator seeded by the federation's seed, so that experiments repeat;
 * that makes it predictable to whoever knows the seed, which a deployment must not allow.
 */
public final class DifferentialPrivacy {
    private final double clipNorm;
    private final double noiseMultiplier;
    private final double delta;

    private DifferentialPrivacy(double clipNorm, double noiseMultiplier, double delta) {
        this.clipNorm = clipNorm;
        this.noiseMultiplier = noiseMultiplier;
        this.delta = delta;
    }

    /**
     * Clipping to {@code clipNorm} and Gaussian noise of {@code noiseMultiplier * clipNorm}; delta 1e-5.
     *
     * @throws IllegalArgumentException unless both are positive and finite
     */
    public static DifferentialPrivacy gaussian(double clipNorm, double noiseMultiplier) {
        positive("clipNorm", clipNorm);
        positive("noiseMultiplier", noiseMultiplier);
        return new DifferentialPrivacy(clipNorm, noiseMultiplier, 1e-5);
    }

    /** The same mechanism, reported at this delta (in (0, 1)). */
    public DifferentialPrivacy delta(double d) {
        if (!(d > 0 && d < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + d);
        }
        return new DifferentialPrivacy(clipNorm, noiseMultiplier, d);
    }

    /** The L2 norm every client update is clipped to. */
    public double clipNorm() {
        return clipNorm;
    }

    /** Noise standard deviation over the clipping norm. */
    public double noiseMultiplier() {
        return noiseMultiplier;
    }

    /** The delta epsilon is reported at. */
    public double delta() {
        return delta;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "gaussian(clip %.4g, noise multiplier %.4g, delta %.3g)", clipNorm, noiseMultiplier, delta);
    }
}
