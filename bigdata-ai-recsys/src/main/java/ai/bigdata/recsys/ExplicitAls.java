package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Matrix factorisation of explicit ratings by alternating least squares with user and item biases:
 * {@code r(u,i) ~ mu + b_u + b_i + p_u . q_i}, minimising the squared error plus weighted-lambda
 * regularisation ({@code lambda * n_u * |p_u|^2}, {@code lambda * n_i * |q_i|^2}, Zhou et al. 2008) and
 * {@code biasLambda * b^2} on the biases. Each step solves one (rank + 1) x (rank + 1) system per user
 * (then per item) by Cholesky, in plain Java (for rank-sized systems the per-call cost of ND4J is larger
 * than the solve; see the README). Predictions are clipped to the training rating range. Seeded: the same
 * data, settings and seed give the same factors, whatever the number of threads.
 */
public final class ExplicitAls extends IndexedRecommender {
    static final String KIND = "als-explicit";
    private final Settings settings;
    private final float mean;
    private final float min;
    private final float max;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;

    /** The hyper-parameters. */
    private record Settings(int rank, int iterations, double lambda, double biasLambda, long seed) {
    }

    private ExplicitAls(TrainingIndex index, Settings s, float mean, float min, float max, float[] ub, float[] ib,
            float[] uf, float[] itf) {
        super(index);
        this.settings = s;
        this.mean = mean;
        this.min = min;
        this.max = max;
        this.userBias = ub;
        this.itemBias = ib;
        this.userFactors = uf;
        this.itemFactors = itf;
    }

    /**
     * A builder with rank 30, 15 iterations, lambda 0.15, biasLambda 2, seed 42 (chosen on a validation part of
     * the MovieLens latest-small training data, see the README).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an explicit ALS fit; each is checked when set. */
    public static final class Builder {
        private int rank = 30;
        private int iterations = 15;
        private double lambda = 0.15;
        private double biasLambda = 2;
        private long seed = 42;

        private Builder() {
        }

        /** The number of latent factors (at least 1). */
        public Builder rank(int r) {
            this.rank = Arguments.rank(r);
            return this;
        }

        /** The number of alternating sweeps (users then items), at least 1. */
        public Builder iterations(int n) {
            this.iterations = Arguments.atLeastOne("iterations", n);
            return this;
        }

        /** The factor regularisation, multiplied by each user's or item's rating count (positive, finite). */
        public Builder lambda(double l) {
            this.lambda = Arguments.positive("lambda", l);
            return this;
        }

        /** The bias regularisation (positive, finite). */
        public Builder biasLambda(double l) {
            this.biasLambda = Arguments.positive("biasLambda", l);
            return this;
        }

        /** The seed of the initial item factors. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Fits on {@code train} (ratings must be finite; {@link Interactions} guarantees it). */
        public ExplicitAls fit(Interactions train) {
            return ExplicitAls.fit(TrainingIndex.of(train), new Settings(rank, iterations, lambda, biasLambda, seed));
        }
    }


    private static ExplicitAls fit(TrainingIndex x, Settings s) {
        int nu = x.users.size();
        int ni = x.items.size();
        int r = s.rank();
        double sum = 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : x.userRatings) {
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float mu = (float) (sum / x.userRatings.length);
        float[] ub = new float[nu];
        float[] ib = new float[ni];
        float[] uf = new float[(int) Math.multiplyExact((long) nu, r)];
        float[] itf = new float[(int) Math.multiplyExact((long) ni, r)];
        Random rnd = new Random(s.seed());
        double scale = 0.1 / Math.sqrt(r);
        for (int k = 0; k < itf.length; k++) {
            itf[k] = (float) (rnd.nextGaussian() * scale);
        }
        for (int it = 0; it < s.iterations(); it++) {
            IntStream.range(0, nu).parallel().forEach(u -> solve(u, x.userStart, x.userItems, x.userRatings, itf, ib,
                    mu, r, s, uf, ub));
            IntStream.range(0, ni).parallel().forEach(i -> solve(i, x.itemStart, x.itemUsers, x.itemRatings, uf, ub,
                    mu, r, s, itf, ib));
        }
        return new ExplicitAls(x, s, mu, lo, hi, ub, ib, uf, itf);
    }

    /**
     * One row's least squares: unknowns (factors, bias) against the other side's (factors, 1), target
     * rating - mu - other bias.
     */
    private static void solve(int row, int[] start, int[] cols, float[] ratings, float[] otherF, float[] otherB,
            float mu, int r, Settings s, float[] outF, float[] outB) {
        int n = r + 1;
        int count = start[row + 1] - start[row];
        double[] a = new double[n * n];
        double[] b = new double[n];
        double[] z = new double[n];
        z[r] = 1;
        for (int k = start[row]; k < start[row + 1]; k++) {
            int c = cols[k];
            for (int f = 0; f < r; f++) {
                z[f] = otherF[c * r + f];
            }
            double t = ratings[k] - mu - otherB[c];
            for (int p = 0; p < n; p++) {
                double zp = z[p];
                b[p] += t * zp;
                for (int q = 0; q <= p; q++) {
                    a[p * n + q] += zp * z[q];
                }
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < p; q++) {
                a[q * n + p] = a[p * n + q];
            }
        }
        double reg = s.lambda() * Math.max(1, count);
        for (int f = 0; f < r; f++) {
            a[f * n + f] += reg;
        }
        a[r * n + r] += s.biasLambda();
        DenseSolve.cholesky(a, b, n);
        for (int f = 0; f < r; f++) {
            outF[row * r + f] = (float) b[f];
        }
        outB[row] = (float) b[r];
    }

    @Override
    public String name() {
        return "ALS explicit (rank " + settings.rank() + ", " + settings.iterations() + " it, lambda " + settings.lambda()
                + ", bias lambda " + settings.biasLambda() + ")";
    }

    @Override
    double scoreIndex(int u, int i) {
        int r = settings.rank();
        double s = mean + userBias[u] + itemBias[i];
        for (int f = 0; f < r; f++) {
            s += (double) userFactors[u * r + f] * itemFactors[i * r + f];
        }
        return clip(s);
    }

    private double clip(double s) {
        return Math.max(min, Math.min(max, s));
    }

    @Override
    double fallbackScore(int u, int i) {
        return clip(mean + (u >= 0 ? userBias[u] : 0) + (i >= 0 ? itemBias[i] : 0));
    }

    @Override
    void similarities(int item, float[] out) {
        cosine(itemFactors, settings.rank(), item, out);
    }

    /** The global mean rating of the training data. */
    public double mean() {
        return mean;
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
        out.writeDouble(settings.biasLambda());
        out.writeLong(settings.seed());
        out.writeFloat(mean);
        out.writeFloat(min);
        out.writeFloat(max);
        Codec.writeFloats(out, userBias);
        Codec.writeFloats(out, itemBias);
        Codec.writeFloats(out, userFactors);
        Codec.writeFloats(out, itemFactors);
    }

    static ExplicitAls read(TrainingIndex index, DataInputStream in) throws IOException {
        Settings s = new Settings(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readLong());
        float mu = in.readFloat();
        float lo = in.readFloat();
        float hi = in.readFloat();
        float[] ub = Codec.readFloats(in);
        float[] ib = Codec.readFloats(in);
        float[] uf = Codec.readFloats(in);
        float[] itf = Codec.readFloats(in);
        int nu = index.users.size();
        int ni = index.items.size();
        if (s.rank() < 1 || ub.length != nu || ib.length != ni || uf.length != (long) nu * s.rank()
                || itf.length != (long) ni * s.rank() || !(lo <= hi) || !Float.isFinite(mu)) {
            throw new IOException("explicit ALS state does not match its training index");
        }
        return new ExplicitAls(index, s, mu, lo, hi, ub, ib, uf, itf);
    }
}
