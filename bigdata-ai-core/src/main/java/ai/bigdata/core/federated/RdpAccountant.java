package ai.bigdata.core.federated;

import java.util.Locale;

/**
 * Rényi differential privacy accounting for the sampled Gaussian mechanism (Mironov, Talwar and Zhang
 * 2019): each step releases a sum of clipped contributions plus Gaussian noise of standard deviation
 * {@code noiseMultiplier * clipNorm}, over a Poisson sample of the parties with rate {@code q}. The RDP of
 * every integer order 2..256 is summed over steps and converted to (epsilon, delta) with the conversion of
 * Balle et al. 2020 (the one Opacus uses), taking the best order. Integer orders only: the bound is valid,
 * if a little looser than one that also searches fractional orders.
 *
 * <p>Not thread-safe.
 */
public final class RdpAccountant {
    private static final int MIN_ORDER = 2;
    private static final int MAX_ORDER = 256;
    private final double[] rdp = new double[MAX_ORDER - MIN_ORDER + 1];
    private long steps;

    /** An accountant that has spent nothing yet. */
    public RdpAccountant() {
    }

    /**
     * Adds {@code steps} releases of the sampled Gaussian mechanism.
     *
     * @param samplingRate the probability that a party takes part in a step, in (0, 1]
     * @param noiseMultiplier noise standard deviation over the clipping norm, positive
     */
    public void addSampledGaussian(double samplingRate, double noiseMultiplier, long steps) {
        if (!(samplingRate > 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("samplingRate must be in (0, 1], got " + samplingRate);
        }
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noiseMultiplier must be positive and finite, got " + noiseMultiplier);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        for (int a = MIN_ORDER; a <= MAX_ORDER; a++) {
            rdp[a - MIN_ORDER] += steps * orderRdp(samplingRate, noiseMultiplier, a);
        }
        this.steps += steps;
    }

    /** Steps accounted so far. */
    public long steps() {
        return steps;
    }

    /**
     * The smallest epsilon over the orders for which the releases so far are (epsilon, delta)-DP; 0
     * before any step.
     *
     * @throws IllegalArgumentException unless {@code 0 < delta < 1}
     */
    public double epsilon(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (steps == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int a = MIN_ORDER; a <= MAX_ORDER; a++) {
            double eps = rdp[a - MIN_ORDER] + Math.log((a - 1.0) / a) - (Math.log(delta) + Math.log(a)) / (a - 1.0);
            best = Math.min(best, eps);
        }
        return Math.max(0, best);
    }

    /** The epsilon of {@code steps} sampled Gaussian releases at {@code delta}, in one call. */
    public static double epsilon(double samplingRate, double noiseMultiplier, long steps, double delta) {
        RdpAccountant a = new RdpAccountant();
        a.addSampledGaussian(samplingRate, noiseMultiplier, steps);
        return a.epsilon(delta);
    }

    /**
     * RDP of one step at integer order {@code a}: log(sum_k C(a,k) (1-q)^(a-k) q^k exp((k^2-k) / (2 sigma^2))) / (a-1),
     * summed in log space.
     */
    static double orderRdp(double q, double sigma, int a) {
        if (q == 1) {
            return a / (2 * sigma * sigma);
        }
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double[] terms = new double[a + 1];
        double max = Double.NEGATIVE_INFINITY;
        double logBinom = 0;
        for (int k = 0; k <= a; k++) {
            if (k > 0) {
                logBinom += Math.log(a - k + 1.0) - Math.log(k);
            }
            terms[k] = logBinom + (a - k) * log1mQ + k * logQ + (k * (double) k - k) / (2 * sigma * sigma);
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        double logA = max + Math.log(sum);
        if (Double.isNaN(logA)) {
            throw new ArithmeticException(String.format(Locale.ROOT, "RDP of order %d is undefined for q=%g, sigma=%g", a, q, sigma));
        }
        return logA / (a - 1);
    }

    @Override
    public String toString() {
        return "RdpAccountant(" + steps + " steps)";
    }
}
