package ai.bigdata.recsys;

/** The argument checks the recommenders' builders and evaluators share; each names the argument it refuses. */
final class Arguments {
    private Arguments() {
    }

    /** A number of latent factors in 1..1024. */
    static int rank(int r) {
        if (r < 1 || r > 1024) {
            throw new IllegalArgumentException("rank must be in 1..1024, got " + r);
        }
        return r;
    }

    /** A count of at least 1. */
    static int atLeastOne(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + n);
        }
        return n;
    }

    /** A positive, finite number. */
    static double positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
        return v;
    }

    /** A rating threshold (any number but NaN). */
    static double threshold(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        return t;
    }
}
