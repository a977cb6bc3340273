package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transfer learning from a trained layer stack: keep its first layers' weights fixed (frozen), give it a
 * new output layer sized for the new data's classes (or keep the old one), and train the rest on the new
 * data through the ordinary {@code Trainer}. The result is a {@link NeuralNetwork} like any other: it
 * checkpoints and resumes exactly, bundles and serves; its frozen layers stay frozen if it trains again.
 *
 * <pre>{@code
 * NeuralNetwork pretrained = (NeuralNetwork) ModelBundle.load(Path.of("lenet.bundle")).model();
 * NeuralNetwork tuned = FineTuning.of(pretrained).freezeLayers(4).build();   // conv and pooling layers frozen, new head
 * Trainer.builder().epochs(10).optimizer(Optimizer.adam(1e-3)).build().fit(tuned, newClasses);
 * }</pre>
 *
 * <p>The new network is made from a copy of the pretrained one when {@link #build()} is called; later
 * changes to the pretrained network do not reach it. Immutable: each option returns a new value.
 */
public final class FineTuning {
    private final NeuralNetwork pretrained;
    private final int frozen;
    private final boolean newHead;

    private FineTuning(NeuralNetwork pretrained, int frozen, boolean newHead) {
        this.pretrained = pretrained;
        this.frozen = frozen;
        this.newHead = newHead;
    }

    /**
     * Fine-tuning of {@code pretrained}, a trained layer stack (family {@code multilayer}, for example the
     * model of a loaded bundle); by default nothing is frozen and the head is replaced.
     *
     * @throws IllegalArgumentException when it is not a trained layer stack, or reconstructs its input
     *     (autoencoders) or is a Transformer encoder, which this does not cover yet
     */
    public static FineTuning of(Network pretrained) {
        Objects.requireNonNull(pretrained, "pretrained");
        if (!(pretrained instanceof NeuralNetwork n)) {
            throw new IllegalArgumentException("fine-tuning takes a layer stack (family " + NeuralNetwork.FAMILY + "), not a "
                    + pretrained.family() + " network");
        }
        if (!n.isInitialised()) {
            throw new IllegalArgumentException("fine-tuning needs a trained network; this " + n.kind() + " has no parameters yet");
        }
        if (n.reconstructs() || n.kind().equals(NeuralNetwork.TRANSFORMER)) {
            throw new IllegalArgumentException("fine-tuning covers supervised layer stacks; a " + n.kind() + " is not covered");
        }
        return new FineTuning(n, 0, true);
    }

    /**
     * Freezes the first {@code layers} layers: their weights (and batch-norm statistics) stay as trained.
     * At least the output layer must stay trainable.
     *
     * @throws IllegalArgumentException when {@code layers} is negative or leaves no layer to train
     */
    public FineTuning freezeLayers(int layers) {
        int n = pretrained.network().getnLayers();
        if (layers < 0 || layers >= n) {
            throw new IllegalArgumentException("freezeLayers must be in [0, " + (n - 1) + "] for this " + n
                    + "-layer network (the output layer always trains), got " + layers);
        }
        return new FineTuning(pretrained, layers, newHead);
    }

    /** Freezes every layer but the output layer. */
    public FineTuning freezeAllButHead() {
        return freezeLayers(pretrained.network().getnLayers() - 1);
    }

    /**
     * Keeps the trained output layer instead of a new one: for new data with the same label and classes
     * (domain adaptation), not for new classes.
     */
    public FineTuning keepHead() {
        return new FineTuning(pretrained, frozen, false);
    }

    /** The number of frozen layers. */
    public int frozenLayers() {
        return frozen;
    }

    /**
     * The network to train: created, with the pretrained weights, the frozen layers and the (new) head,
     * when the trainer first sees the new data, with the trainer's optimiser, seed, weight decay,
     * clipping and class weights.
     */
    public NeuralNetwork build() {
        MultiLayerNetwork base = pretrained.network().clone();
        ModelSignature old = pretrained.signature();
        int layers = frozen;
        boolean replace = newHead;
        String description = pretrained.description() + "; fine-tuned: " + (layers == 0 ? "no layer" : "first " + layers
                + (layers == 1 ? " layer" : " layers")) + " frozen, " + (replace ? "new" : "trained") + " head";
        return new NeuralNetwork(pretrained.kind(), description, (sig, settings) -> derive(base, old, layers, replace, sig, settings));
    }

    private static MultiLayerNetwork derive(MultiLayerNetwork base, ModelSignature old, int frozen, boolean newHead, ModelSignature sig,
            NetworkSettings settings) {
        if (!sig.featureNames().equals(old.featureNames()) || !Arrays.equals(sig.featureShape(), old.featureShape())) {
            throw new SchemaMismatchException(sig.featureNames(), "the pretrained network reads " + old.featureNames() + " shaped "
                    + Arrays.toString(old.featureShape()) + "; the data to fine-tune on have " + sig.featureNames() + " shaped "
                    + Arrays.toString(sig.featureShape()));
        }
        if (!newHead && !sig.equals(old)) {
            throw new SchemaMismatchException(List.of(String.valueOf(sig.label())), "keepHead() needs the pretrained label and classes ("
                    + old + "); the data have " + sig + ": use a new head for new classes");
        }
        if (!newHead && settings.classWeights() != null) {
            throw new IllegalArgumentException("class weights shape a new output layer's loss; with keepHead() the trained head's loss stays");
        }
        FineTuneConfiguration.Builder tune = new FineTuneConfiguration.Builder().seed(settings.seed()).updater(settings.updater());
        if (settings.weightDecay() > 0) {
            tune.weightDecay(settings.weightDecay(), true);
        }
        if (settings.clipGradientNorm() > 0) {
            tune.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(settings.clipGradientNorm());
        }
        TransferLearning.Builder b = new TransferLearning.Builder(base.clone()).fineTuneConfiguration(tune.build());
        if (frozen > 0) {
            b.setFeatureExtractor(frozen - 1);
        }
        if (newHead) {
            // the head's weights are drawn from ND4J's generator when the layer is added: seed it, as DL4J's own init
            // does, so that the same seed gives the same head
            Nd4j.getRandom().setSeed(settings.seed());
            int last = base.getnLayers() - 1;
            long nIn = ((FeedForwardLayer) base.getLayer(last).conf().getLayer()).getNIn();
            InputPreProcessor before = base.getLayerWiseConfigurations().getInputPreProcess(last);
            b.removeOutputLayer().addLayer(settings.outputLayer(sig, Math.toIntExact(nIn)));
            if (before != null) {
                b.setInputPreProcessor(last, before.clone());
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "FineTuning(" + pretrained.kind() + ", " + frozen + " frozen layers, " + (newHead ? "new" : "trained") + " head)";
    }
}
