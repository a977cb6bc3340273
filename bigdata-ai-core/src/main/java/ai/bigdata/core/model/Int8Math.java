package ai.bigdata.core.model;

/**
 * Symmetric int8 quantisation: a value {@code v} with scale {@code s} is stored as
 * {@code clamp(round(v / s), -127, 127)} and read back as {@code q * s}.
 */
final class Int8Math {
    /** The largest magnitude of an int8 code (-128 is not used, so the range is symmetric). */
    static final int LEVELS = 127;

    private Int8Math() {
    }

    /** The scale that maps {@code maxAbs} to 127; 1 for an all-zero tensor (every code is 0 then). */
    static float scale(float maxAbs) {
        return maxAbs > 0 && Float.isFinite(maxAbs) ? maxAbs / LEVELS : 1f;
    }

    /** The code of {@code v} at {@code 1 / scale} = {@code inverse}, clamped to [-127, 127]. */
    static byte code(float v, float inverse) {
        int q = Math.round(v * inverse);
        return (byte) Math.max(-LEVELS, Math.min(LEVELS, q));
    }

    /** Quantises a row with one scale into {@code out}. */
    static void codes(float[] x, float inverse, byte[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = code(x[i], inverse);
        }
    }

    /**
     * Per-output-channel quantisation of weights laid out so that channel {@code j} of
     * {@code channels} holds element {@code i} at {@code index(i, j)}: returns the scales and fills
     * {@code codes}.
     */
    static float[] perChannel(float[] w, int channels, boolean channelMajor, byte[] codes) {
        int per = w.length / channels;
        float[] scales = new float[channels];
        for (int j = 0; j < channels; j++) {
            float max = 0;
            for (int i = 0; i < per; i++) {
                max = Math.max(max, Math.abs(w[at(i, j, per, channels, channelMajor)]));
            }
            scales[j] = scale(max);
            float inv = 1f / scales[j];
            for (int i = 0; i < per; i++) {
                int k = at(i, j, per, channels, channelMajor);
                codes[k] = code(w[k], inv);
            }
        }
        return scales;
    }

    private static int at(int i, int j, int per, int channels, boolean channelMajor) {
        return channelMajor ? j * per + i : i * channels + j;
    }

    /** The float value of one accumulator unit per output channel: {@code inScale * wScale[j]}. */
    static float[] units(float inScale, float[] wScale) {
        float[] u = new float[wScale.length];
        for (int j = 0; j < u.length; j++) {
            u[j] = inScale * wScale[j];
        }
        return u;
    }

    /** The largest magnitude among the rows. */
    static float maxAbs(float[][] rows) {
        float max = 0;
        for (float[] r : rows) {
            for (float v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
