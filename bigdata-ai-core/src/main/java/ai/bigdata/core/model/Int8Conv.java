package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A 2D convolution in int8 (channels first, as DL4J's NCHW): the input image is quantised with the
 * layer's calibrated per-tensor scale into a zero-padded buffer, the weights {@code [out][in][kh][kw]}
 * hold one scale per output channel, and each weight is multiplied into a whole output row at once
 * (int32 accumulators, a contiguous loop when the stride is 1); a zero weight (pruned) is skipped.
 */
final class Int8Conv implements Int8Op {
    private final Grid g;
    private final int nOut;
    private final float inScale;
    private final byte[] w;
    private final float[] wScale;
    private final float[] bias;
    private final RowActivation act;
    private final float[] unit;
    /** Rows and columns of the padded input buffer: what the windows reach. */
    private final int padH;
    private final int padW;

    Int8Conv(Grid g, int nOut, float inScale, byte[] w, float[] wScale, float[] bias, RowActivation act) {
        if (nOut < 1 || w.length != (long) nOut * g.channels() * g.kh() * g.kw() || wScale.length != nOut || bias.length != nOut
                || !(inScale > 0)) {
            throw new IllegalArgumentException("an int8 convolution of " + nOut + " channels over " + g + " needs "
                    + (long) nOut * g.channels() * g.kh() * g.kw() + " weights and " + nOut + " scales and biases and a positive"
                    + " input scale, got " + w.length + ", " + wScale.length + ", " + bias.length + " and " + inScale);
        }
        this.g = g;
        this.nOut = nOut;
        this.inScale = inScale;
        this.w = w;
        this.wScale = wScale;
        this.bias = bias;
        this.act = act;
        this.unit = Int8Math.units(inScale, wScale);
        this.padH = (g.outH() - 1) * g.sy() + g.kh();
        this.padW = (g.outW() - 1) * g.sx() + g.kw();
    }

    /** Quantises float weights {@code [out][in][kh][kw]} (flat) per output channel. */
    static Int8Conv quantise(Grid g, int nOut, float inScale, float[] weights, float[] bias, RowActivation act) {
        byte[] codes = new byte[weights.length];
        float[] scales = Int8Math.perChannel(weights, nOut, true, codes);
        return new Int8Conv(g, nOut, inScale, codes, scales, bias, act);
    }

    @Override
    public float[] apply(float[] x) {
        int c = g.channels();
        int plane = padH * padW;
        byte[] p = new byte[c * plane];
        float inv = 1f / inScale;
        int rows = Math.min(g.height(), padH - g.padTop());
        int cols = Math.min(g.width(), padW - g.padLeft());
        for (int ic = 0; ic < c; ic++) {
            for (int iy = 0; iy < rows; iy++) {
                int src = (ic * g.height() + iy) * g.width();
                int dst = ic * plane + (iy + g.padTop()) * padW + g.padLeft();
                for (int ix = 0; ix < cols; ix++) {
                    p[dst + ix] = Int8Math.code(x[src + ix], inv);
                }
            }
        }
        int positions = g.positions();
        int[] acc = new int[nOut * positions];
        for (int oc = 0; oc < nOut; oc++) {
            for (int ic = 0; ic < c; ic++) {
                for (int ky = 0; ky < g.kh(); ky++) {
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int wv = w[((oc * c + ic) * g.kh() + ky) * g.kw() + kx];
                        if (wv != 0) {
                            accumulate(acc, oc * positions, p, ic * plane + ky * padW + kx, wv);
                        }
                    }
                }
            }
        }
        float[] y = new float[acc.length];
        for (int oc = 0; oc < nOut; oc++) {
            for (int k = oc * positions, end = k + positions; k < end; k++) {
                y[k] = acc[k] * unit[oc] + bias[oc];
            }
        }
        act.apply(y);
        return y;
    }

    private void accumulate(int[] acc, int accBase, byte[] p, int inBase, int wv) {
        int sx = g.sx();
        for (int oy = 0; oy < g.outH(); oy++) {
            int a = accBase + oy * g.outW();
            int in = inBase + oy * g.sy() * padW;
            if (sx == 1) {
                for (int ox = 0; ox < g.outW(); ox++) {
                    acc[a + ox] += wv * p[in + ox];
                }
            } else {
                for (int ox = 0; ox < g.outW(); ox++) {
                    acc[a + ox] += wv * p[in + ox * sx];
                }
            }
        }
    }

    @Override
    public int inputs() {
        return g.inputs();
    }

    @Override
    public int outputs() {
        return nOut * g.positions();
    }

    @Override
    public long weights() {
        return w.length;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        g.write(out);
        out.writeInt(nOut);
        Int8Codec.writeWeighted(out, inScale, act, w, wScale, bias);
    }
}
