package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A per-channel {@code x * scale + shift} in float: batch normalisation at inference where it cannot
 * be folded into the layer before it (that layer has a non-identity activation, or there is none).
 */
final class ChannelAffine implements Int8Op {
    private final int spatial;
    private final float[] scale;
    private final float[] shift;

    ChannelAffine(int spatial, float[] scale, float[] shift) {
        if (spatial < 1 || scale.length != shift.length || scale.length == 0) {
            throw new IllegalArgumentException("a channel affine needs a positive spatial size and as many scales as shifts, got "
                    + spatial + ", " + scale.length + " and " + shift.length);
        }
        this.spatial = spatial;
        this.scale = scale;
        this.shift = shift;
    }

    @Override
    public float[] apply(float[] x) {
        float[] y = new float[x.length];
        for (int c = 0, k = 0; c < scale.length; c++) {
            for (int s = 0; s < spatial; s++, k++) {
                y[k] = x[k] * scale[c] + shift[c];
            }
        }
        return y;
    }

    @Override
    public int inputs() {
        return spatial * scale.length;
    }

    @Override
    public int outputs() {
        return inputs();
    }

    @Override
    public long weights() {
        return 0;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(spatial);
        out.writeInt(scale.length);
        Int8Codec.writeFloats(out, scale);
        out.writeInt(shift.length);
        Int8Codec.writeFloats(out, shift);
    }
}
