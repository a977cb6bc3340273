package ai.bigdata.core.federated;

/**
 * Fixed-point encoding of update values as 64-bit integers with 32 fraction bits, so that masked sums
 * wrap modulo 2^64 and the masks cancel exactly. Each value must stay below 2^24 in magnitude, so the
 * true sum of up to 127 of them stays below 2^63 and decodes correctly; weighted federated updates (the
 * weights add up to about 1) are far smaller.
 */
final class FixedPoint {
    static final double SCALE = 0x1p32;
    static final double LIMIT = 0x1p24;

    private FixedPoint() {
    }

    /**
     * Encodes {@code values}.
     *
     * @throws IllegalArgumentException naming the position of a value that is not finite or too large
     */
    static long[] encode(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(Math.abs(v) < LIMIT)) {
                throw new IllegalArgumentException("update value " + v + " at parameter " + i
                        + " cannot be encoded for secure aggregation (it must be finite and below 2^24 in magnitude)");
            }
            out[i] = Math.round(v * SCALE);
        }
        return out;
    }

    static double[] decode(long[] sum) {
        double[] out = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = sum[i] / SCALE;
        }
        return out;
    }
}
