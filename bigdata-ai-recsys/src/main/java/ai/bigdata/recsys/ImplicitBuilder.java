package ai.bigdata.recsys;

/**
 * The settings the builders of the implicit-feedback models share ({@link Bpr}, {@link ImplicitAls}, {@link TwoTower}):
 * which interactions are positives and the seed.
 *
 * @param <B> the model's builder
 */
abstract class ImplicitBuilder<B extends ImplicitBuilder<B>> {
    double threshold = Double.NEGATIVE_INFINITY;
    long seed = 42;

    ImplicitBuilder() {
    }

    /** Interactions with rating at least this are positives; the others only count as seen. */
    public B positiveThreshold(double t) {
        this.threshold = Arguments.threshold(t);
        return self();
    }

    /** The seed of everything random in the fit (initial values, sampled items, batch order). */
    public B seed(long s) {
        this.seed = s;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The end of a model's name for a positive threshold: empty when every interaction is positive. */
    static String positives(double threshold) {
        return threshold == Double.NEGATIVE_INFINITY ? "" : ", positives rating >= " + threshold;
    }
}
