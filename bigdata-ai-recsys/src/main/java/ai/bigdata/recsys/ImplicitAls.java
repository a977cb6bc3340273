package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Matrix factorisation of implicit feedback by alternating least squares (Hu, Koren and Volinsky 2008):
 * preference 1 for a positive training interaction (rating at least the threshold; every interaction by
 * default) and 0 otherwise, confidence {@code 1 + alpha} for a positive and 1 otherwise, regularisation
 * {@code lambda * |x|^2}. Each row's system is solved by a few warm-started conjugate-gradient steps
 * (Takacs, Pilaszy and Tikk 2011) using the shared Gram matrix, so a step costs O(positives * rank + rank^2).
 * A score is the dot product of the factors. Seeded: same data, settings and seed give the same factors.
 */
public final class ImplicitAls extends IndexedRecommender {
    static final String KIND = "als-implicit";
    private final Settings settings;
    private final float[] userFactors;
    private final float[] itemFactors;
    /** The item factors transposed (rank x items), so that a user's row of scores is a sweep over contiguous memory. */
    private final float[] itemFactorsByRank;

    private record Settings(int rank, int iterations, double lambda, double alpha, double threshold, int cgSteps, long seed) {
    }

    private ImplicitAls(TrainingIndex index, Settings s, float[] uf, float[] itf) {
        super(index);
        this.settings = s;
        this.userFactors = uf;
        this.itemFactors = itf;
        int r = s.rank();
        int items = itf.length / r;
        this.itemFactorsByRank = new float[itf.length];
        for (int i = 0; i < items; i++) {
            for (int f = 0; f < r; f++) {
                itemFactorsByRank[f * items + i] = itf[i * r + f];
            }
        }
    }

    /**
     * A builder with rank 64, 15 iterations, lambda 30, alpha 3, every interaction positive, 3 CG steps, seed 42
     * (chosen on a validation part of the MovieLens latest-small training data, see the README).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an implicit ALS fit; each is checked when set. */
    public static final class Builder extends ImplicitBuilder<Builder> {
        private int rank = 64;
        private int iterations = 15;
        private double lambda = 30;
        private double alpha = 3;
        private int cgSteps = 3;

        private Builder() {
        }

        /** The number of latent factors. */
        public Builder rank(int r) {
            this.rank = Arguments.rank(r);
            return this;
        }

        /** The number of alternating sweeps. */
        public Builder iterations(int n) {
            this.iterations = Arguments.atLeastOne("iterations", n);
            return this;
        }

        /** The regularisation (positive, finite). */
        public Builder lambda(double l) {
            this.lambda = Arguments.positive("lambda", l);
            return this;
        }

        /** The confidence slope: a positive has confidence {@code 1 + alpha} (positive, finite). */
        public Builder alpha(double a) {
            this.alpha = Arguments.positive("alpha", a);
            return this;
        }

        /** Conjugate-gradient steps per row and sweep (1..rank). */
        public Builder cgSteps(int n) {
            this.cgSteps = Arguments.atLeastOne("cgSteps", n);
            return this;
        }

        /** Fits on {@code train}. */
        public ImplicitAls fit(Interactions train) {
            Settings s = new Settings(rank, iterations, lambda, alpha, threshold, Math.min(cgSteps, rank), seed);
            return ImplicitAls.fit(TrainingIndex.of(train), s);
        }
    }

    private static ImplicitAls fit(TrainingIndex x, Settings s) {
        int r = s.rank();
        float[] uf = new float[(int) Math.multiplyExact((long) x.users.size(), r)];
        float[] itf = new float[(int) Math.multiplyExact((long) x.items.size(), r)];
        Random rnd = new Random(s.seed());
        double scale = 0.1 / Math.sqrt(r);
        for (int k = 0; k < itf.length; k++) {
            itf[k] = (float) (rnd.nextGaussian() * scale);
        }
        for (int k = 0; k < uf.length; k++) {
            uf[k] = (float) (rnd.nextGaussian() * scale);
        }
        for (int it = 0; it < s.iterations(); it++) {
            sweep(x.users.size(), x.userStart, x.userItems, x.userRatings, itf, x.items.size(), uf, s);
            sweep(x.items.size(), x.itemStart, x.itemUsers, x.itemRatings, uf, x.users.size(), itf, s);
        }
        return new ImplicitAls(x, s, uf, itf);
    }

    private static void sweep(int rows, int[] start, int[] cols, float[] ratings, float[] other, int otherRows, float[] out,
            Settings s) {
        int r = s.rank();
        double[] gram = new double[r * r];
        for (int j = 0; j < otherRows; j++) {
            for (int p = 0; p < r; p++) {
                double v = other[j * r + p];
                for (int q = 0; q <= p; q++) {
                    gram[p * r + q] += v * other[j * r + q];
                }
            }
        }
        for (int p = 0; p < r; p++) {
            gram[p * r + p] += s.lambda();
            for (int q = 0; q < p; q++) {
                gram[q * r + p] = gram[p * r + q];
            }
        }
        IntStream.range(0, rows).parallel().forEach(row -> conjugateGradient(row, start, cols, ratings, other, gram, out, s));
    }

    /** A few CG steps on (Y'Y + lambda I + alpha * sum_pos y y') x = (1 + alpha) * sum_pos y, from the current x. */
    private static void conjugateGradient(int row, int[] start, int[] cols, float[] ratings, float[] y, double[] gram,
            float[] out, Settings s) {
        int r = s.rank();
        double alpha = s.alpha();
        int positives = 0;
        for (int k = start[row]; k < start[row + 1]; k++) {
            positives += ratings[k] >= s.threshold() ? 1 : 0;
        }
        if (positives == 0) {
            java.util.Arrays.fill(out, row * r, row * r + r, 0f);
            return;
        }
        double[] x = new double[r];
        for (int f = 0; f < r; f++) {
            x[f] = out[row * r + f];
        }
        double[] res = new double[r];
        // res = b - A x
        multiply(x, res, row, start, cols, ratings, y, gram, alpha, s.threshold(), r);
        for (int f = 0; f < r; f++) {
            res[f] = -res[f];
        }
        for (int k = start[row]; k < start[row + 1]; k++) {
            if (ratings[k] >= s.threshold()) {
                int c = cols[k];
                for (int f = 0; f < r; f++) {
                    res[f] += (1 + alpha) * y[c * r + f];
                }
            }
        }
        double[] p = res.clone();
        double[] ap = new double[r];
        double rsOld = dot(res, res);
        for (int step = 0; step < s.cgSteps() && rsOld > 1e-20; step++) {
            multiply(p, ap, row, start, cols, ratings, y, gram, alpha, s.threshold(), r);
            double a = rsOld / dot(p, ap);
            for (int f = 0; f < r; f++) {
                x[f] += a * p[f];
                res[f] -= a * ap[f];
            }
            double rsNew = dot(res, res);
            for (int f = 0; f < r; f++) {
                p[f] = res[f] + rsNew / rsOld * p[f];
            }
            rsOld = rsNew;
        }
        for (int f = 0; f < r; f++) {
            out[row * r + f] = (float) x[f];
        }
    }

    /** out = (gram + alpha * sum_pos y y') v. */
    private static void multiply(double[] v, double[] out, int row, int[] start, int[] cols, float[] ratings, float[] y,
            double[] gram, double alpha, double threshold, int r) {
        for (int p = 0; p < r; p++) {
            double s = 0;
            for (int q = 0; q < r; q++) {
                s += gram[p * r + q] * v[q];
            }
            out[p] = s;
        }
        for (int k = start[row]; k < start[row + 1]; k++) {
            if (ratings[k] >= threshold) {
                int c = cols[k];
                double d = 0;
                for (int f = 0; f < r; f++) {
                    d += y[c * r + f] * v[f];
                }
                d *= alpha;
                for (int f = 0; f < r; f++) {
                    out[f] += d * y[c * r + f];
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public String name() {
        return "ALS implicit (rank " + settings.rank() + ", " + settings.iterations() + " it, lambda " + settings.lambda()
                + ", alpha " + settings.alpha() + ImplicitBuilder.positives(settings.threshold()) + ")";
    }

    @Override
    double scoreIndex(int u, int i) {
        int r = settings.rank();
        double s = 0;
        for (int f = 0; f < r; f++) {
            s += (double) userFactors[u * r + f] * itemFactors[i * r + f];
        }
        return s;
    }

    /**
     * Every item's score at once: factor by factor over all items, so the additions of different items do not wait
     * on each other. Each item's sum still adds the same products in the same order as {@link #scoreIndex}, so the
     * scores are bit for bit the same.
     */
    @Override
    void scoreRow(int u, float[] out) {
        int r = settings.rank();
        int n = out.length;
        double[] sum = new double[n];
        for (int f = 0; f < r; f++) {
            double w = userFactors[u * r + f];
            int base = f * n;
            for (int i = 0; i < n; i++) {
                sum[i] += w * itemFactorsByRank[base + i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) sum[i];
        }
    }

    @Override
    double fallbackScore(int u, int i) {
        return i >= 0 ? popularity[i] : 0.0;
    }

    /** The number of latent factors. */
    public int rank() {
        return settings.rank();
    }

    /**
     * A copy of {@code user}'s factor vector ({@link #rank()} values; a score is its dot product with an item's).
     *
     * @throws UnknownIdException when the user had no training interactions
     */
    public float[] userVector(long user) {
        return row(userFactors, index.users.index(user), "user", user);
    }

    /**
     * A copy of {@code item}'s factor vector ({@link #rank()} values).
     *
     * @throws UnknownIdException when the item had no training interactions
     */
    public float[] itemVector(long item) {
        return row(itemFactors, index.items.index(item), "item", item);
    }

    private float[] row(float[] factors, int row, String kind, long id) {
        if (row < 0) {
            throw new UnknownIdException(kind, id);
        }
        int r = settings.rank();
        return java.util.Arrays.copyOfRange(factors, row * r, (row + 1) * r);
    }

    @Override
    void similarities(int item, float[] out) {
        cosine(itemFactors, settings.rank(), item, out);
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(settings.rank());
        out.writeInt(settings.iterations());
        out.writeDouble(settings.lambda());
        out.writeDouble(settings.alpha());
        out.writeDouble(settings.threshold());
        out.writeInt(settings.cgSteps());
        out.writeLong(settings.seed());
        Codec.writeFloats(out, userFactors);
        Codec.writeFloats(out, itemFactors);
    }

    static ImplicitAls read(TrainingIndex index, DataInputStream in) throws IOException {
        Settings s = new Settings(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(),
                in.readLong());
        float[] uf = Codec.readFloats(in);
        float[] itf = Codec.readFloats(in);
        if (s.rank() < 1 || uf.length != (long) index.users.size() * s.rank() || itf.length != (long) index.items.size() * s.rank()) {
            throw new IOException("implicit ALS state does not match its training index");
        }
        return new ImplicitAls(index, s, uf, itf);
    }
}
