package ai.bigdata.nlp.embed;

import java.nio.FloatBuffer;

/** Masked mean pooling over a {@code [rows, length, width]} hidden state, then L2 normalisation. */
final class MeanPooling {
    private MeanPooling() {
    }

    /** One unit vector per row: the mean of the row's unmasked token vectors, divided by its L2 norm. */
    static float[][] pool(FloatBuffer hidden, TokenBatch batch, int width) {
        float[][] out = new float[batch.rows()][];
        double[] sum = new double[width];
        for (int r = 0; r < batch.rows(); r++) {
            java.util.Arrays.fill(sum, 0);
            int count = 0;
            for (int t = 0; t < batch.length(); t++) {
                int at = r * batch.length() + t;
                if (batch.mask()[at] == 0) {
                    continue;
                }
                count++;
                int base = at * width;
                for (int d = 0; d < width; d++) {
                    sum[d] += hidden.get(base + d);
                }
            }
            out[r] = normalised(sum, Math.max(count, 1));
        }
        return out;
    }

    private static float[] normalised(double[] sum, int count) {
        double norm = 0;
        for (double s : sum) {
            norm += (s / count) * (s / count);
        }
        norm = Math.sqrt(norm);
        float[] v = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            v[d] = (float) (sum[d] / count / Math.max(norm, 1e-12));
        }
        return v;
    }
}
