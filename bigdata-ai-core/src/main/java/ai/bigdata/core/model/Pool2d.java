package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Max or average pooling over a {@code [channels, height, width]} image in float (no weights to
 * quantise). Window cells outside the image (padding) are left out of the maximum; average pooling
 * has no padding (the compiler refuses it), so it always divides by the window size.
 */
final class Pool2d implements Int8Op {
    private final Grid g;
    private final boolean max;

    Pool2d(Grid g, boolean max) {
        this.g = g;
        this.max = max;
    }

    @Override
    public float[] apply(float[] x) {
        float[] y = new float[outputs()];
        int k = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = c * g.height() * g.width();
            for (int oy = 0; oy < g.outH(); oy++) {
                for (int ox = 0; ox < g.outW(); ox++) {
                    y[k++] = window(x, plane, oy * g.sy() - g.padTop(), ox * g.sx() - g.padLeft());
                }
            }
        }
        return y;
    }

    private float window(float[] x, int plane, int top, int left) {
        float best = Float.NEGATIVE_INFINITY;
        double sum = 0;
        for (int ky = 0; ky < g.kh(); ky++) {
            int iy = top + ky;
            if (iy < 0 || iy >= g.height()) {
                continue;
            }
            for (int kx = 0; kx < g.kw(); kx++) {
                int ix = left + kx;
                if (ix >= 0 && ix < g.width()) {
                    float v = x[plane + iy * g.width() + ix];
                    best = Math.max(best, v);
                    sum += v;
                }
            }
        }
        return max ? best : (float) (sum / (g.kh() * g.kw()));
    }

    @Override
    public int inputs() {
        return g.inputs();
    }

    @Override
    public int outputs() {
        return g.channels() * g.positions();
    }

    @Override
    public long weights() {
        return 0;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        g.write(out);
        out.writeBoolean(max);
    }
}
