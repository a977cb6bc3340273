package ai.bigdata.core.model;

import java.io.DataOutputStream;
import java.io.IOException;

/** An activation layer on its own (DL4J's {@code ActivationLayer}), in float. */
final class ActivationStep implements Int8Op {
    private final int width;
    private final RowActivation act;

    ActivationStep(int width, RowActivation act) {
        if (width < 1) {
            throw new IllegalArgumentException("an activation step needs a positive width, got " + width);
        }
        this.width = width;
        this.act = act;
    }

    @Override
    public float[] apply(float[] x) {
        float[] y = x.clone();
        act.apply(y);
        return y;
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public long weights() {
        return 0;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(width);
        out.writeUTF(act.name());
    }
}
