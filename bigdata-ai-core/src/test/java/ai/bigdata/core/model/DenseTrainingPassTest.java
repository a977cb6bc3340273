package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.train.FusedAdam;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The own dense training pass steps exactly as DL4J's {@code fit}: same score, update, parameters,
 * optimiser state and counters after every step, for each activation, loss and optimiser it covers;
 * and it is chosen only for networks it covers.
 */
class DenseTrainingPassTest {
    private static final int IN = 20;

    private record Case(String name, Activation hidden, boolean regression, float[] classWeights, IUpdater updater,
            double l2, double weightDecay, double clip) {
    }

    private static final List<Case> CASES = List.of(
            new Case("relu softmax fused adam", Activation.RELU, false, null, new FusedAdam(1e-2, null), 0, 0, 0),
            new Case("relu softmax fused adam schedule l2", Activation.RELU, false, null,
                    new FusedAdam(1e-2, new ExponentialSchedule(ScheduleType.ITERATION, 1e-2, 0.9)), 1e-3, 0, 0),
            new Case("tanh softmax class weights sgd", Activation.TANH, false, new float[] {1f, 2f, 0.5f, 1f}, new Sgd(0.1), 0, 0, 0),
            new Case("sigmoid mse nesterovs", Activation.SIGMOID, true, null, new Nesterovs(0.05, 0.9), 0, 0, 0),
            new Case("identity softmax adamw clip", Activation.IDENTITY, false, null, new FusedAdam(1e-2, null), 0, 1e-2, 0.5),
            new Case("relu mse dl4j adam l2", Activation.RELU, true, null, new Adam(1e-2), 1e-2, 0, 0),
            new Case("tanh softmax rmsprop", Activation.TANH, false, null, new RmsProp(1e-3), 0, 0, 0));

    private static MultiLayerNetwork network(Case c) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(11).updater(c.updater())
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT);
        if (c.l2() > 0) {
            b.l2(c.l2());
        }
        if (c.weightDecay() > 0) {
            b.weightDecay(c.weightDecay(), true);
        }
        if (c.clip() > 0) {
            b.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(c.clip());
        }
        OutputLayer out = c.regression()
                ? new OutputLayer.Builder(new LossMSE()).nIn(8).nOut(3).activation(Activation.IDENTITY).build()
                : new OutputLayer.Builder(c.classWeights() == null ? new LossMCXENT() : new LossMCXENT(Nd4j.createFromArray(c.classWeights())))
                        .nIn(8).nOut(4).activation(Activation.SOFTMAX).build();
        MultiLayerConfiguration conf = b.list()
                .layer(new DenseLayer.Builder().nIn(IN).nOut(16).activation(c.hidden()).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(8).activation(c.hidden()).build())
                .layer(out).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray targets(boolean regression, int rows, int outputs, int seed) {
        Nd4j.getRandom().setSeed(seed);
        if (regression) {
            return Nd4j.randn(DataType.FLOAT, rows, outputs);
        }
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, outputs);
        for (int r = 0; r < rows; r++) {
            y.putScalar(r, (r * 7 + seed) % outputs, 1f);
        }
        return y;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    private static double scale(INDArray a) {
        return Math.max(1.0, a.amaxNumber().doubleValue());
    }

    @Test
    void stepsAsDl4jFitForEveryCoveredActivationLossAndOptimiser() {
        for (Case c : CASES) {
            MultiLayerNetwork ours = network(c);
            MultiLayerNetwork theirs = network(c);
            assertThat(ours.params().toFloatVector()).as(c.name()).containsExactly(theirs.params().toFloatVector());
            DenseTrainingPass pass = DenseTrainingPass.of(ours).orElseThrow(() -> new AssertionError(c.name() + " not covered: "
                    + DenseTrainingCoverage.unsupported(ours).orElse("")));
            int outputs = c.regression() ? 3 : 4;
            double worstParams = 0;
            double worstUpdate = 0;
            double worstState = 0;
            double worstScore = 0;
            for (int step = 0; step < 8; step++) {
                int rows = step == 5 ? 7 : 32; // a short batch in between, as at the end of an epoch
                Nd4j.getRandom().setSeed(100 + step);
                INDArray x = Nd4j.randn(DataType.FLOAT, rows, IN).muli(2);
                INDArray y = targets(c.regression(), rows, outputs, step);
                double score = pass.step(x, y);
                theirs.fit(x, y);
                String at = c.name() + ", step " + step;
                assertThat(ours.getIterationCount()).as(at).isEqualTo(theirs.getIterationCount()).isEqualTo(step + 1);
                worstScore = Math.max(worstScore, Math.abs(score - theirs.score()) / Math.max(1, Math.abs(theirs.score())));
                assertThat(ours.score()).as(at).isEqualTo(score);
                worstUpdate = Math.max(worstUpdate, maxDifference(ours.getFlattenedGradients(), theirs.getFlattenedGradients())
                        / scale(theirs.getFlattenedGradients()));
                worstParams = Math.max(worstParams, maxDifference(ours.params(), theirs.params()) / scale(theirs.params()));
                INDArray state = theirs.getUpdater().getStateViewArray();
                if (state != null) {
                    worstState = Math.max(worstState, maxDifference(ours.getUpdater().getStateViewArray(), state) / scale(state));
                }
            }
            System.out.printf("%s: max relative difference score %.2e, update %.2e, parameters %.2e, optimiser state %.2e%n",
                    c.name(), worstScore, worstUpdate, worstParams, worstState);
            assertThat(worstScore).as(c.name() + " score").isLessThan(1e-5);
            assertThat(worstUpdate).as(c.name() + " update").isLessThan(1e-5);
            assertThat(worstParams).as(c.name() + " parameters").isLessThan(1e-5);
            assertThat(worstState).as(c.name() + " optimiser state").isLessThan(1e-5);
        }
    }

    /**
     * Every native buffer, view and op context ND4J makes takes a number from its deallocator service,
     * and each is freed only when the garbage collector finds it; a step that makes few keeps a small job's
     * memory small. Before DL4J's updater was handed the gradient view itself (given a copy, it sliced the
     * gradient and parameters anew for every parameter) and before each matrix product kept its op
     * context, a step of this network made 121; now 7.
     */
    @Test
    void makesFewNativeObjectsPerStep() {
        MultiLayerNetwork net = network(CASES.get(0));
        DenseTrainingPass pass = DenseTrainingPass.of(net).orElseThrow();
        INDArray[] xs = new INDArray[60];
        INDArray[] ys = new INDArray[60];
        for (int i = 0; i < xs.length; i++) {
            Nd4j.getRandom().setSeed(i);
            xs[i] = Nd4j.randn(DataType.FLOAT, i % 10 == 9 ? 7 : 32, IN);
            ys[i] = targets(false, (int) xs[i].size(0), 4, i);
        }
        for (int i = 0; i < 10; i++) {
            pass.step(xs[i], ys[i]); // both batch sizes bound
        }
        long before = Nd4j.getDeallocatorService().nextValue();
        for (int i = 10; i < xs.length; i++) {
            pass.step(xs[i], ys[i]);
        }
        double perStep = (Nd4j.getDeallocatorService().nextValue() - before - 1) / (double) (xs.length - 10);
        System.out.printf("native objects per step: %.1f%n", perStep);
        assertThat(perStep).isLessThan(20);
    }

    @Test
    void surfacesDivergenceAsANonFiniteScore() {
        for (int layer = 0; layer < 3; layer++) {
            MultiLayerNetwork ours = network(CASES.get(0));
            MultiLayerNetwork theirs = network(CASES.get(0));
            ours.getLayer(layer).getParam("b").putScalar(1, Float.NaN);
            theirs.getLayer(layer).getParam("b").putScalar(1, Float.NaN);
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.randn(DataType.FLOAT, 4, IN);
            INDArray y = targets(false, 4, 4, 1);
            double score = DenseTrainingPass.of(ours).orElseThrow().step(x, y);
            theirs.fit(x, y);
            assertThat(Double.isFinite(theirs.score())).as("DL4J, NaN bias in layer " + layer).isFalse();
            assertThat(Double.isFinite(score)).as("own pass, NaN bias in layer " + layer).isFalse();
        }
    }

    @Test
    void isChosenOnlyForNetworksItCovers() {
        List<Supplier<NeuralNetwork>> covered = List.of(() -> NeuralNetwork.mlp().hidden(8, 4).build(),
                () -> NeuralNetwork.mlp().hidden(8).activation(Activation.TANH).l2(1e-3).build(),
                () -> NeuralNetwork.logisticRegression().build());
        List<Supplier<NeuralNetwork>> refused = List.of(() -> NeuralNetwork.mlp().hidden(8).dropout(0.2).build(),
                () -> NeuralNetwork.mlp().hidden(8).batchNorm().build(),
                () -> NeuralNetwork.mlp().hidden(8).activation(Activation.ELU).build());
        ModelSignature sig;
        try (ai.bigdata.core.data.Dataset raw = ai.bigdata.core.data.Dataset.readCsv(
                ai.bigdata.core.testing.SharedData.file("tabular/olive.csv")).label("area").read();
             ai.bigdata.core.data.Dataset olive = raw.drop("region")) {
            sig = ModelSignature.supervised(olive.schema());
        }
        NetworkSettings settings = new NetworkSettings(3, new FusedAdam(1e-3, null), 0, 0, null);
        for (Supplier<NeuralNetwork> s : covered) {
            NeuralNetwork m = s.get();
            m.initialise(sig, settings);
            assertThat(m.trainsWithOwnPass()).as(m.description()).isTrue();
        }
        for (Supplier<NeuralNetwork> s : refused) {
            NeuralNetwork m = s.get();
            m.initialise(sig, settings);
            assertThat(m.trainsWithOwnPass()).as(m.description()).isFalse();
            assertThat(DenseTrainingCoverage.unsupported(m.network())).as(m.description()).isPresent();
        }
        MultiLayerNetwork bn = network(CASES.get(0));
        bn.setListeners(new org.deeplearning4j.optimize.listeners.ScoreIterationListener(1000));
        assertThat(DenseTrainingCoverage.unsupported(bn)).hasValueSatisfying(w -> assertThat(w).contains("listeners"));
        MultiLayerConfiguration withBn = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(IN).nOut(8).build()).layer(new BatchNormalization.Builder().nOut(8).build())
                .layer(new OutputLayer.Builder().nIn(8).nOut(2).activation(Activation.SOFTMAX).build()).build();
        MultiLayerNetwork withBnNet = new MultiLayerNetwork(withBn);
        withBnNet.init();
        assertThat(DenseTrainingPass.of(withBnNet)).isEmpty();
    }
}
