package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A dense layer in int8: the input row is quantised with the layer's calibrated per-tensor scale, the
 * weights hold one scale per output unit, products accumulate in int32 and are read back in float,
 * plus the float bias, then the activation. Weights are stored input-major ({@code [nIn][nOut]}) so
 * the inner loop runs over contiguous outputs (a loop the JIT vectorises); an input code of zero (ReLU
 * zeros, pruned pixels) skips its row of weights.
 */
final class Int8Dense implements Int8Op {
    private final int nIn;
    private final int nOut;
    private final float inScale;
    private final byte[] w;
    private final float[] wScale;
    private final float[] bias;
    private final RowActivation act;
    /** {@code inScale * wScale[j]}: the float value of one unit of output j's accumulator. */
    private final float[] unit;

    Int8Dense(int nIn, int nOut, float inScale, byte[] w, float[] wScale, float[] bias, RowActivation act) {
        if (w.length != (long) nIn * nOut || wScale.length != nOut || bias.length != nOut || !(inScale > 0)) {
            throw new IllegalArgumentException("an int8 dense layer " + nIn + " x " + nOut + " needs " + (long) nIn * nOut
                    + " weights and " + nOut + " scales and biases and a positive input scale, got " + w.length + ", "
                    + wScale.length + ", " + bias.length + " and " + inScale);
        }
        this.nIn = nIn;
        this.nOut = nOut;
        this.inScale = inScale;
        this.w = w;
        this.wScale = wScale;
        this.bias = bias;
        this.act = act;
        this.unit = Int8Math.units(inScale, wScale);
    }

    /** Quantises float weights {@code [nIn][nOut]} (flat, input-major) per output unit. */
    static Int8Dense quantise(int nIn, int nOut, float inScale, float[] weights, float[] bias, RowActivation act) {
        byte[] codes = new byte[weights.length];
        float[] scales = Int8Math.perChannel(weights, nOut, false, codes);
        return new Int8Dense(nIn, nOut, inScale, codes, scales, bias, act);
    }

    @Override
    public float[] apply(float[] x) {
        byte[] xq = new byte[nIn];
        Int8Math.codes(x, 1f / inScale, xq);
        int[] acc = new int[nOut];
        for (int i = 0; i < nIn; i++) {
            int xi = xq[i];
            if (xi != 0) {
                int base = i * nOut;
                for (int j = 0; j < nOut; j++) {
                    acc[j] += xi * w[base + j];
                }
            }
        }
        float[] y = new float[nOut];
        for (int j = 0; j < nOut; j++) {
            y[j] = acc[j] * unit[j] + bias[j];
        }
        act.apply(y);
        return y;
    }

    @Override
    public int inputs() {
        return nIn;
    }

    @Override
    public int outputs() {
        return nOut;
    }

    @Override
    public long weights() {
        return w.length;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(nIn);
        out.writeInt(nOut);
        Int8Codec.writeWeighted(out, inScale, act, w, wScale, bias);
    }
}
