package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free ReLU loops give, bit for bit, what {@code apply} and {@code slope} define, element by element,
 * on the values where float arithmetic has corners (NaN, signed zeros, subnormals, infinities) and on random ones.
 */
class DenseActivationTest {
    private static final float[] CORNERS = {Float.NaN, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-40f,
        -1e-40f, 1f, -1f, 0.5f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e38f};

    @Test
    void reluLoopsEqualTheElementwiseDefinitionBitForBit() {
        Random random = new Random(3);
        int n = CORNERS.length * CORNERS.length + 1000;
        float[] z = new float[n];
        float[] bias = new float[] {0f};
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            boolean corner = i < CORNERS.length * CORNERS.length;
            z[i] = corner ? CORNERS[i / CORNERS.length] : (float) random.nextGaussian();
            grad[i] = corner ? CORNERS[i % CORNERS.length] : (float) random.nextGaussian();
        }
        float[] forward = z.clone();
        float[] back = forward.clone();
        for (int round = 0; round < 3000; round++) { // the last rounds run the JIT-compiled loops
            System.arraycopy(z, 0, forward, 0, n);
            DenseActivation.RELU.forward(forward, bias, n, 1);
            System.arraycopy(forward, 0, back, 0, n);
            DenseActivation.RELU.backward(grad, back, n);
        }
        for (int i = 0; i < n; i++) {
            float a = DenseActivation.RELU.apply(z[i] + 0f);
            assertThat(Float.floatToRawIntBits(forward[i])).as("forward of %s", z[i]).isEqualTo(Float.floatToRawIntBits(a));
            float g = grad[i] * DenseActivation.RELU.slope(a);
            assertThat(Float.floatToRawIntBits(back[i])).as("backward of %s at output %s", grad[i], a)
                    .isEqualTo(Float.floatToRawIntBits(g));
        }
    }

    @Test
    void biasIsAddedPerColumn() {
        float[] z = {1f, -2f, 3f, -4f};
        DenseActivation.RELU.forward(z, new float[] {1f, 10f}, 2, 2);
        assertThat(z).containsExactly(2f, 8f, 4f, 6f);
    }
}
