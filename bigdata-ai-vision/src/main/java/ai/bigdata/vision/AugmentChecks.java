package ai.bigdata.vision;

/** Argument checks shared by the operations. */
final class AugmentChecks {
    private AugmentChecks() {
    }

    static double probability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }

    static int positive(String what, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + n);
        }
        return n;
    }

    static double nonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    /** A uniform draw from [lo, hi] (lo when the range is empty). */
    static double uniform(java.util.SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
