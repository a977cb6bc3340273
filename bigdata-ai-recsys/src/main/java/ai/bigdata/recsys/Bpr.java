package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * Bayesian personalised ranking matrix factorisation (Rendle et al. 2009): score {@code b_i + p_u . q_i},
 * fitted by stochastic gradient ascent on {@code ln sigmoid(score(u, i) - score(u, j))} for a positive item i
 * of user u and an item j drawn uniformly from the catalogue among those that are not u's positives, with L2
 * regularisation. An epoch draws as many (u, i, j) triples as there are positives; u and i are drawn as one
 * uniformly chosen positive interaction. Single-threaded with one seeded {@link Random}, so a seed fixes the
 * factors. Users without positives get zero factors (their lists follow the item biases).
 */
public final class Bpr extends BiasedFactorRecommender {
    static final String KIND = "bpr";
    private final Settings settings;

    private record Settings(int rank, int epochs, double learningRate, double regularisation, double threshold, long seed) {
    }

    private Bpr(TrainingIndex index, Settings s, Factors f) {
        super(index, s.rank(), f);
        this.settings = s;
    }

    /**
     * A builder with rank 64, 300 epochs, learning rate 0.05, regularisation 0.01, every interaction positive, seed 42
     * (chosen on a validation part of the MovieLens latest-small training data, see the README).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a BPR fit; each is checked when set. */
    public static final class Builder extends ImplicitBuilder<Builder> {
        private int rank = 64;
        private int epochs = 300;
        private double learningRate = 0.05;
        private double regularisation = 0.01;

        private Builder() {
        }

        /** The number of latent factors. */
        public Builder rank(int r) {
            this.rank = Arguments.rank(r);
            return this;
        }

        /** The number of epochs. */
        public Builder epochs(int n) {
            this.epochs = Arguments.atLeastOne("epochs", n);
            return this;
        }

        /** The SGD step size (positive, finite). */
        public Builder learningRate(double lr) {
            this.learningRate = Arguments.positive("learningRate", lr);
            return this;
        }

        /** The L2 regularisation (positive, finite). */
        public Builder regularisation(double reg) {
            this.regularisation = Arguments.positive("regularisation", reg);
            return this;
        }

        /** Fits on {@code train}; fails when it holds no positive. */
        public Bpr fit(Interactions train) {
            return Bpr.fit(TrainingIndex.of(train), new Settings(rank, epochs, learningRate, regularisation, threshold, seed));
        }
    }

    private static Bpr fit(TrainingIndex x, Settings s) {
        int r = s.rank();
        int ni = x.items.size();
        TrainingIndex.Positives positives = x.positives(s.threshold(), "BPR");
        int[] posUser = positives.users();
        int[] posItem = positives.items();
        int n = posUser.length;
        Random rnd = new Random(s.seed());
        float[] uf = new float[(int) Math.multiplyExact((long) x.users.size(), r)];
        float[] itf = new float[(int) Math.multiplyExact((long) ni, r)];
        float[] ib = new float[ni];
        double scale = 0.1 / Math.sqrt(r);
        for (int k = 0; k < uf.length; k++) {
            uf[k] = (float) (rnd.nextGaussian() * scale);
        }
        for (int k = 0; k < itf.length; k++) {
            itf[k] = (float) (rnd.nextGaussian() * scale);
        }
        float lr = (float) s.learningRate();
        float reg = (float) s.regularisation();
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int step = 0; step < n; step++) {
                int pick = rnd.nextInt(n);
                int u = posUser[pick];
                int i = posItem[pick];
                int j = x.negative(u, rnd, s.threshold());
                if (j < 0) {
                    continue;
                }
                double diff = ib[i] - ib[j];
                for (int f = 0; f < r; f++) {
                    diff += uf[u * r + f] * (itf[i * r + f] - itf[j * r + f]);
                }
                float g = (float) (1 / (1 + Math.exp(diff)));
                for (int f = 0; f < r; f++) {
                    float pu = uf[u * r + f];
                    float qi = itf[i * r + f];
                    float qj = itf[j * r + f];
                    uf[u * r + f] += lr * (g * (qi - qj) - reg * pu);
                    itf[i * r + f] += lr * (g * pu - reg * qi);
                    itf[j * r + f] += lr * (-g * pu - reg * qj);
                }
                ib[i] += lr * (g - reg * ib[i]);
                ib[j] += lr * (-g - reg * ib[j]);
            }
        }
        positives.zeroUsersWithout(uf, r);
        return new Bpr(x, s, new Factors(uf, itf, ib));
    }

    @Override
    public String name() {
        return "BPR (rank " + settings.rank() + ", " + settings.epochs() + " epochs, lr " + settings.learningRate() + ", reg "
                + settings.regularisation() + ImplicitBuilder.positives(settings.threshold()) + ")";
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(settings.rank());
        out.writeInt(settings.epochs());
        out.writeDouble(settings.learningRate());
        out.writeDouble(settings.regularisation());
        out.writeDouble(settings.threshold());
        out.writeLong(settings.seed());
        writeFactors(out);
    }

    static Bpr read(TrainingIndex index, DataInputStream in) throws IOException {
        Settings s = new Settings(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong());
        return new Bpr(index, s, readFactors(index, s.rank(), in, "BPR"));
    }
}
