package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix sort of the curves orders floats exactly as Arrays.sort does. */
class FloatRadixSortTest {
    private static void check(float[] values, int from, int to) {
        float[] expected = values.clone();
        Arrays.sort(expected, from, to);
        float[] actual = values.clone();
        int[] buffer = new int[to - from + 3];
        Arrays.fill(buffer, 12345); // a used buffer: its old contents must not leak into the result
        FloatRadixSort.sort(actual, from, to, buffer);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i])).as("index " + i).isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }

    @Test
    void ordersLikeArraysSort() {
        Random rnd = new Random(3);
        for (int n : new int[] {0, 1, 2, 255, 256, 257, 1000, 100_000}) {
            float[] probabilities = new float[n];
            float[] mixed = new float[n];
            float[] ties = new float[n];
            for (int i = 0; i < n; i++) {
                probabilities[i] = rnd.nextFloat();
                mixed[i] = switch (i % 7) {
                    case 0 -> -0.0f;
                    case 1 -> 0.0f;
                    case 2 -> -rnd.nextFloat() * 1e6f;
                    case 3 -> Float.MIN_VALUE * (rnd.nextBoolean() ? 1 : -1);
                    case 4 -> Float.MAX_VALUE * (rnd.nextBoolean() ? 1 : -1);
                    default -> (float) rnd.nextGaussian();
                };
                ties[i] = rnd.nextInt(5) / 4f;
            }
            check(probabilities, 0, n);
            check(mixed, 0, n);
            check(ties, 0, n);
            float[] constant = new float[n];
            Arrays.fill(constant, 0.25f); // every digit the same: every pass skipped
            float[] oneDigit = new float[n];
            for (int i = 0; i < n; i++) {
                oneDigit[i] = Float.intBitsToFloat(0x3f000000 | rnd.nextInt(256)); // only the lowest digit differs
            }
            check(constant, 0, n);
            check(oneDigit, 0, n);
            if (n > 10) {
                check(mixed, 3, n - 5);
                check(oneDigit, 2, n - 1);
            }
        }
    }
}
