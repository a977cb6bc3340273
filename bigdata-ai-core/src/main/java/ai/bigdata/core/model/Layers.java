package ai.bigdata.core.model;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Pieces every recipe shares: the global configuration from the settings and the output layer for a task. */
final class Layers {
    private Layers() {
    }

    /** Seed, updater, weight init, weight decay and clipping. */
    static NeuralNetConfiguration.Builder base(NetworkSettings s, double l2) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(s.seed()).updater(s.updater())
                .weightInit(WeightInit.XAVIER).dataType(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        if (l2 > 0) {
            b.l2(l2);
        }
        if (s.weightDecay() > 0) {
            b.weightDecay(s.weightDecay(), true);
        }
        if (s.clipGradientNorm() > 0) {
            b.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(s.clipGradientNorm());
        }
        return b;
    }

    /** The output layer for the signature's task: softmax + cross-entropy, or identity + mean squared error. */
    static OutputLayer output(ModelSignature sig, NetworkSettings s, int nIn) {
        ILossFunction loss;
        Activation act;
        if (sig.task() == Task.SEGMENTATION) {
            throw new SchemaMismatchException(java.util.List.of(sig.label()), "label '" + sig.label() + "' is a class mask"
                    + " (one class per element); a network with one output per row cannot segment: use a per-element"
                    + " network such as the vision module's ConvNets.unet() or GraphNetwork.of(...) ending in a CnnLossLayer");
        }
        if (sig.task() == Task.DETECTION) {
            throw new SchemaMismatchException(java.util.List.of(sig.label()), "label '" + sig.label() + "' holds boxes; a network"
                    + " with one output per row cannot detect: use a detection graph such as the vision module's ConvNets.detector()"
                    + " or GraphNetwork.of(...) ending in a Yolo2OutputLayer");
        }
        if (sig.task() == Task.CLASSIFICATION) {
            double[] w = s.classWeights();
            if (w != null && w.length != sig.outputWidth()) {
                throw new IllegalArgumentException(w.length + " class weights given for " + sig.outputWidth() + " classes "
                        + sig.classNames());
            }
            loss = w == null ? new LossMCXENT() : new LossMCXENT(Nd4j.createFromArray(toFloat(w)));
            act = Activation.SOFTMAX;
        } else {
            if (s.classWeights() != null) {
                throw new IllegalArgumentException("class weights need a classification task, this one is " + sig.task());
            }
            loss = new LossMSE();
            act = Activation.IDENTITY;
        }
        return new OutputLayer.Builder(loss).nIn(nIn).nOut(sig.outputWidth()).activation(act).build();
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
