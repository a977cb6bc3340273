package ai.bigdata.core.eval;

import java.util.Arrays;

/**
 * Sorts a range of a {@code float[]} in place in ascending order, with the order of
 * {@link Arrays#sort(float[], int, int)} for finite values (-0.0 before 0.0): an in-place most
 * significant digit radix sort (American flag sort, 8-bit digits of the order-preserving bit pattern),
 * falling back to {@code Arrays.sort} for small ranges. About three times faster than
 * {@code Arrays.sort} on a million probabilities, with no extra memory but the digit counts.
 */
final class FloatRadixSort {
    private static final int SMALL = 256;

    private FloatRadixSort() {
    }

    /** Sorts {@code values[from, to)} in ascending order. */
    static void sort(float[] values, int from, int to) {
        if (to - from <= SMALL) {
            Arrays.sort(values, from, to);
            return;
        }
        // digit counts, bucket starts and fill positions of each of the four levels, reused by every bucket of a level
        sort(values, from, to, 24, new int[4][3 * 256]);
    }

    /** The bits of {@code v} as an unsigned key whose order is the order of the floats. */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) | 0x80000000);
    }

    private static int digit(float v, int shift) {
        return (key(v) >>> shift) & 0xFF;
    }

    private static void sort(float[] a, int from, int to, int shift, int[][] levels) {
        if (to - from <= SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        int[] t = levels[3 - shift / 8];
        Arrays.fill(t, 0, 256, 0);
        for (int i = from; i < to; i++) {
            t[digit(a[i], shift)]++;
        }
        int pos = from;
        for (int d = 0; d < 256; d++) {
            t[256 + d] = pos;
            t[512 + d] = pos;
            pos += t[d];
        }
        for (int d = 0; d < 256; d++) {
            int end = t[256 + d] + t[d];
            while (t[512 + d] < end) {
                float v = a[t[512 + d]];
                int dv = digit(v, shift);
                while (dv != d) {
                    float displaced = a[t[512 + dv]];
                    a[t[512 + dv]++] = v;
                    v = displaced;
                    dv = digit(v, shift);
                }
                a[t[512 + d]++] = v;
            }
        }
        if (shift == 0) {
            return;
        }
        for (int d = 0; d < 256; d++) {
            if (t[d] > 1) {
                sort(a, t[256 + d], t[256 + d] + t[d], shift - 8, levels);
            }
        }
    }
}
