package ai.bigdata.recsys;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.GraphNetwork;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NetworkSettings;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A neural two-tower recommender trained by core's {@link Trainer}: a user tower (an embedding of the dense user
 * index) and an item tower (an embedding of the item index plus, optionally, a linear map of the item's
 * {@link ItemFeatures} row, and a one-value item bias), scored by their dot product.
 *
 * <p>The network is a core {@link GraphNetwork} built from a recipe in this module. Its one input row is
 * {@code [user index, item index, item features...]}; {@code SubsetVertex}es split it into the towers, an
 * element-wise product and the item bias are merged, and a sigmoid output with cross-entropy reads them, so the
 * logit is {@code w . (p_u * q_i) + w_b * b_i + c}: a dot product of the user vector {@code p_u * w} (the output
 * weights are initialised to ones and fold into the user tower) with the item vector. Training is pointwise
 * logistic regression on the implicit positives (rating at least the threshold; label 1) and, per positive,
 * {@code negatives} items drawn uniformly from the catalogue among those that are not the user's positives
 * (label 0), drawn afresh every epoch from one seeded {@link Random}; each epoch is one {@code Trainer.fit} call on
 * a new, shuffled dataset (the optimiser state carries over). DL4J 1.0.0-M2.1 graphs cannot share a layer between
 * two vertices or form the batch's user-by-item score matrix without SameDiff, so a BPR pair loss (two item
 * towers) or an in-batch softmax does not fit core's {@code GraphNetwork}; sampled negatives do.
 *
 * <p>After training the towers are read out of the network into plain float arrays, so scoring, ranking and
 * similar items (cosine of the item vectors) run in Java, the fitted model is immutable and safe to read from many
 * threads, and saved files hold the vectors only. The same data, settings and seed give the same vectors. Users
 * without a positive get a zero user vector (their lists follow the item biases).
 */
public final class TwoTower extends BiasedFactorRecommender {
    static final String KIND = "two-tower";
    private final Settings settings;

    private record Settings(int dimension, int epochs, int negatives, double learningRate, double l2, int batchSize,
            double threshold, long seed, int featureDimension) {
    }

    private TwoTower(TrainingIndex index, Settings s, Factors f) {
        super(index, s.dimension(), f);
        this.settings = s;
    }

    /**
     * A builder with dimension 32, 10 epochs, 8 negatives per positive, Adam with learning rate 0.005, l2 3e-5, batches
     * of 1,024 rows, every interaction positive, no item features, seed 42 (chosen on a validation part of the MovieLens
     * latest-small training data, see the README).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a two-tower fit; each is checked when set. */
    public static final class Builder extends ImplicitBuilder<Builder> {
        private int dimension = 32;
        private int epochs = 10;
        private int negatives = 8;
        private double learningRate = 0.005;
        private double l2 = 3e-5;
        private int batchSize = 1024;
        private ItemFeatures features;

        private Builder() {
        }

        /** The width of the user and item vectors (1..1024). */
        public Builder dimension(int d) {
            this.dimension = Arguments.rank(d);
            return this;
        }

        /** The number of epochs (each with freshly drawn negatives). */
        public Builder epochs(int n) {
            this.epochs = Arguments.atLeastOne("epochs", n);
            return this;
        }

        /** Negatives drawn per positive in each epoch (1..100). */
        public Builder negatives(int n) {
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("negatives must be in 1..100, got " + n);
            }
            this.negatives = n;
            return this;
        }

        /** Adam's learning rate (positive, finite). */
        public Builder learningRate(double lr) {
            this.learningRate = Arguments.positive("learningRate", lr);
            return this;
        }

        /** The L2 penalty on all weights (finite, at least 0). */
        public Builder l2(double penalty) {
            if (!(penalty >= 0) || Double.isInfinite(penalty)) {
                throw new IllegalArgumentException("l2 must be finite and at least 0, got " + penalty);
            }
            this.l2 = penalty;
            return this;
        }

        /** Rows (positives and negatives) per training batch. */
        public Builder batchSize(int n) {
            this.batchSize = Arguments.atLeastOne("batchSize", n);
            return this;
        }

        /**
         * Item features the item tower also reads (a linear map of each item's row, added to its embedding); items
         * without features read zeros. At most 1,024 feature dimensions (genres, tags: a few dozen fit best).
         */
        public Builder itemFeatures(ItemFeatures f) {
            Objects.requireNonNull(f, "itemFeatures");
            if (f.dimension() < 1 || f.dimension() > 1024) {
                throw new IllegalArgumentException("itemFeatures must have 1..1024 dimensions, got " + f.dimension());
            }
            this.features = f;
            return this;
        }

        /** Fits on {@code train}; fails when it holds no positive. */
        public TwoTower fit(Interactions train) {
            Objects.requireNonNull(train, "train");
            return TwoTower.fit(TrainingIndex.of(train), new Settings(dimension, epochs, negatives, learningRate, l2, batchSize,
                    threshold, seed, features == null ? 0 : features.dimension()), features);
        }
    }

    private static TwoTower fit(TrainingIndex x, Settings s, ItemFeatures features) {
        int nu = x.users.size();
        int ni = x.items.size();
        int d = s.dimension();
        int fd = s.featureDimension();
        TrainingIndex.Positives positives = x.positives(s.threshold(), "a two-tower model");
        float[] dense = new float[Math.multiplyExact(ni, fd)];
        if (features != null) {
            float[] row = new float[fd];
            for (int i = 0; i < ni; i++) {
                java.util.Arrays.fill(row, 0f);
                features.addTo(x.items.id(i), 1.0, row);
                System.arraycopy(row, 0, dense, i * fd, fd);
            }
        }
        GraphNetwork net = GraphNetwork.of("two-tower (dimension " + d + (fd > 0 ? ", " + fd + " item features" : "") + ")",
                (sig, settings) -> configure(sig, settings, nu, ni, d, fd, s.l2()));
        Trainer trainer = Trainer.builder().epochs(1).batchSize(s.batchSize()).optimizer(Optimizer.adam(s.learningRate()))
                .seed(s.seed()).build();
        Random rnd = new Random(s.seed());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            try (Dataset data = epochData(x, positives, s, dense, rnd)) {
                trainer.fit(net, data);
            }
        }
        TwoTower model = readOut(x, s, net.graph(), dense, positives);
        model.checkAgainst(net.graph(), positives, dense);
        return model;
    }

    /**
     * Checks the read-out towers against the network itself on up to 64 positives: the Java dot product must give the
     * network's own probabilities (a guard against a change of DL4J's parameter layout).
     */
    private void checkAgainst(ComputationGraph g, TrainingIndex.Positives positives, float[] dense) {
        int fd = settings.featureDimension();
        int all = positives.users().length;
        int n = Math.min(64, all);
        int[] us = new int[n];
        int[] is = new int[n];
        float[][] rows = new float[n][2 + fd];
        for (int r = 0; r < n; r++) {
            us[r] = positives.users()[r * (all / n)];
            is[r] = positives.items()[r * (all / n)];
            rows[r][0] = us[r];
            rows[r][1] = is[r];
            System.arraycopy(dense, is[r] * fd, rows[r], 2, fd);
        }
        float[] out = g.outputSingle(false, org.nd4j.linalg.factory.Nd4j.createFromArray(rows)).toFloatVector();
        for (int r = 0; r < n; r++) {
            double logit = scoreIndex(us[r], is[r]);
            double java = 1 / (1 + Math.exp(-logit));
            if (Math.abs(java - out[r]) > 1e-4) {
                throw new IllegalStateException("two-tower read-out differs from the network for user index " + us[r] + ", item index "
                        + is[r] + ": " + java + " vs " + out[r]);
            }
        }
    }

    /** The network's configuration: the input row {@code [user, item, features...]} split into the two towers. */
    private static ComputationGraphConfiguration configure(ModelSignature sig, NetworkSettings settings, int nu, int ni, int d,
            int fd, double l2) {
        if (sig.featureWidth() != 2 + fd) {
            throw new IllegalStateException("two-tower input has " + sig.featureWidth() + " values per row, expected " + (2 + fd));
        }
        NormalDistribution init = new NormalDistribution(0, 0.01);
        ComputationGraphConfiguration.GraphBuilder g = settings.configuration(l2).graphBuilder().addInputs("in")
                .addVertex("userIndex", new IndexColumnsVertex(0, 0), "in")
                .addVertex("itemIndex", new IndexColumnsVertex(1, 1), "in")
                .addLayer("userTower", new EmbeddingLayer.Builder().nIn(nu).nOut(d).hasBias(false).activation(Activation.IDENTITY)
                        .weightInit(init).build(), "userIndex")
                .addLayer("itemEmbedding", new EmbeddingLayer.Builder().nIn(ni).nOut(d).hasBias(false)
                        .activation(Activation.IDENTITY).weightInit(init).build(), "itemIndex")
                .addLayer("itemBias", new EmbeddingLayer.Builder().nIn(ni).nOut(1).hasBias(false).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.ZERO).build(), "itemIndex");
        String itemTower = "itemEmbedding";
        if (fd > 0) {
            g.addVertex("itemFeatures", new SubsetVertex(2, 1 + fd), "in")
                    .addLayer("featureMap", new DenseLayer.Builder().nIn(fd).nOut(d).hasBias(false).activation(Activation.IDENTITY)
                            .weightInit(init).build(), "itemFeatures")
                    .addVertex("itemTower", new ElementWiseVertex(ElementWiseVertex.Op.Add), "itemEmbedding", "featureMap");
            itemTower = "itemTower";
        }
        return g.addVertex("product", new ElementWiseVertex(ElementWiseVertex.Op.Product), "userTower", itemTower)
                .addVertex("merged", new MergeVertex(), "product", "itemBias")
                .addLayer("score", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(d + 1).nOut(1)
                        .activation(Activation.SIGMOID).weightInit(WeightInit.ONES).build(), "merged")
                .setOutputs("score").build();
    }

    /** One epoch's rows: every positive (label 1) and its freshly drawn negatives (label 0), shuffled. */
    private static Dataset epochData(TrainingIndex x, TrainingIndex.Positives positives, Settings s, float[] dense, Random rnd) {
        int n = positives.users().length * (1 + s.negatives());
        int[] us = new int[n];
        int[] is = new int[n];
        float[] ys = new float[n];
        int r = 0;
        for (int p = 0; p < positives.users().length; p++) {
            int u = positives.users()[p];
            int i = positives.items()[p];
            us[r] = u;
            is[r] = i;
            ys[r++] = 1f;
            for (int k = 0; k < s.negatives(); k++) {
                int j = x.negative(u, rnd, s.threshold());
                us[r] = u;
                is[r] = j < 0 ? i : j;
                ys[r++] = j < 0 ? 1f : 0f;
            }
        }
        for (int k = n - 1; k > 0; k--) {
            int m = rnd.nextInt(k + 1);
            swap(us, k, m);
            swap(is, k, m);
            float t = ys[k];
            ys[k] = ys[m];
            ys[m] = t;
        }
        int fd = s.featureDimension();
        List<Column> cols = new ArrayList<>(List.of(Column.of("user", ColumnType.FLOAT32), Column.of("item", ColumnType.FLOAT32)));
        if (fd > 0) {
            cols.add(Column.tensor("itemFeatures", fd));
        }
        cols.add(Column.of("label", ColumnType.FLOAT32, ColumnRole.LABEL));
        try (DatasetWriter w = Dataset.writer(Schema.of(cols.toArray(Column[]::new)))) {
            ColumnWriter user = w.column("user");
            ColumnWriter item = w.column("item");
            ColumnWriter label = w.column("label");
            ColumnWriter feat = fd > 0 ? w.column("itemFeatures") : null;
            float[] cell = new float[fd];
            for (int k = 0; k < n; k++) {
                user.appendFloat(us[k]);
                item.appendFloat(is[k]);
                if (feat != null) {
                    System.arraycopy(dense, is[k] * fd, cell, 0, fd);
                    feat.appendTensor(cell);
                }
                label.appendFloat(ys[k]);
                w.endRow();
            }
            return w.build();
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * The trained towers as plain arrays: the output weights folded into the user vectors and the item biases, the
     * output bias added to every item bias, so {@code scoreIndex} is the network's logit.
     */
    private static TwoTower readOut(TrainingIndex x, Settings s, ComputationGraph g, float[] dense, TrainingIndex.Positives positives) {
        int d = s.dimension();
        int fd = s.featureDimension();
        float[][] users = g.getLayer("userTower").getParam("W").toFloatMatrix();
        float[][] items = g.getLayer("itemEmbedding").getParam("W").toFloatMatrix();
        float[][] bias = g.getLayer("itemBias").getParam("W").toFloatMatrix();
        float[][] w = g.getLayer("score").getParam("W").toFloatMatrix();
        float c = g.getLayer("score").getParam("b").getFloat(0);
        float[][] map = fd > 0 ? g.getLayer("featureMap").getParam("W").toFloatMatrix() : null;
        float[] uv = new float[x.users.size() * d];
        for (int u = 0; u < x.users.size(); u++) {
            for (int f = 0; f < d; f++) {
                uv[u * d + f] = users[u][f] * w[f][0];
            }
        }
        positives.zeroUsersWithout(uv, d);
        float[] iv = new float[x.items.size() * d];
        float[] ib = new float[x.items.size()];
        for (int i = 0; i < x.items.size(); i++) {
            for (int f = 0; f < d; f++) {
                double v = items[i][f];
                for (int k = 0; k < fd; k++) {
                    v += (double) dense[i * fd + k] * map[k][f];
                }
                iv[i * d + f] = (float) v;
            }
            ib[i] = (float) ((double) bias[i][0] * w[d][0] + c);
        }
        return new TwoTower(x, s, new Factors(uv, iv, ib));
    }

    @Override
    public String name() {
        return "two-tower (dimension " + settings.dimension() + ", " + settings.epochs() + " epochs, " + settings.negatives()
                + " negatives, lr " + settings.learningRate() + ", l2 " + settings.l2()
                + (settings.featureDimension() > 0 ? ", " + settings.featureDimension() + " item features" : "")
                + ImplicitBuilder.positives(settings.threshold()) + ")";
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(settings.dimension());
        out.writeInt(settings.epochs());
        out.writeInt(settings.negatives());
        out.writeDouble(settings.learningRate());
        out.writeDouble(settings.l2());
        out.writeInt(settings.batchSize());
        out.writeDouble(settings.threshold());
        out.writeLong(settings.seed());
        out.writeInt(settings.featureDimension());
        writeFactors(out);
    }

    static TwoTower read(TrainingIndex index, DataInputStream in) throws IOException {
        Settings s = new Settings(in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
                in.readDouble(), in.readLong(), in.readInt());
        if (s.featureDimension() < 0) {
            throw new IOException("two-tower state has a negative feature dimension");
        }
        return new TwoTower(index, s, readFactors(index, s.dimension(), in, "two-tower"));
    }
}
