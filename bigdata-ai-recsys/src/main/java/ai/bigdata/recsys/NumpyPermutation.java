package ai.bigdata.recsys;

/**
 * The permutation that NumPy's legacy {@code numpy.random.RandomState(seed).permutation(n)} returns (the
 * generator behind scikit-learn's {@code train_test_split(..., random_state=seed)}): MT19937 seeded by
 * {@code init_genrand(seed)}, then a Fisher-Yates shuffle from the end drawing each index by masked
 * rejection sampling of 32-bit outputs. Lets a Java run cut exactly the rows a Python baseline cut.
 */
final class NumpyPermutation {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    private NumpyPermutation(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** {@code RandomState(seed).permutation(n)}; the seed must be in 0 .. 2^32 - 1 as NumPy requires. */
    static int[] permutation(long seed, int n) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("a NumPy seed must be in 0..2^32-1, got " + seed);
        }
        NumpyPermutation g = new NumpyPermutation(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) g.interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** A uniform integer in 0..max by masked rejection, as NumPy's {@code random_interval}. */
    private long interval(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = next() & mask;
        } while (value > max);
        return value;
    }

    /** The next 32-bit output, unsigned. */
    long next() {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** A generator for tests of the raw stream. */
    static NumpyPermutation generator(long seed) {
        return new NumpyPermutation(seed);
    }
}
