package ai.bigdata.core.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which networks {@link DenseTrainingPass} trains exactly as DL4J's {@code fit} does: float32, without
 * input preprocessors, truncated backpropagation or DL4J training listeners; plain dense layers (bias,
 * no layer normalisation) with identity, ReLU, tanh or sigmoid; a plain output layer with softmax and
 * cross-entropy (class weights allowed) or identity and mean squared error; and no dropout, weight
 * noise or parameter constraints on any layer. Regularisation (L1, L2, weight decay), gradient
 * normalisation or clipping and the updater are not limited: the pass hands its gradient to the
 * network's own DL4J updater, which applies them. Anything else is trained by DL4J's {@code fit}.
 */
final class DenseTrainingCoverage {
    private DenseTrainingCoverage() {
    }

    /** Why the pass would not train this network exactly, or empty when it would. */
    static Optional<String> unsupported(MultiLayerNetwork net) {
        if (net.params() == null || net.params().dataType() != DataType.FLOAT) {
            return Optional.of("the network is not an initialised float32 network");
        }
        var conf = net.getLayerWiseConfigurations();
        if (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()) {
            return Optional.of("the network has input preprocessors " + conf.getInputPreProcessors().keySet());
        }
        if (conf.getBackpropType() != BackpropType.Standard) {
            return Optional.of("the network uses " + conf.getBackpropType() + " backpropagation");
        }
        if (net.getListeners() != null && !net.getListeners().isEmpty()) {
            return Optional.of("the network has DL4J training listeners");
        }
        int n = net.getnLayers();
        if (n == 0) {
            return Optional.of("the network has no layers");
        }
        long width = -1;
        for (int i = 0; i < n; i++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            Layer c = layer.conf().getLayer();
            Optional<String> why = unsupported(c, i == n - 1, layer.conf().isMiniBatch());
            if (why.isEmpty()) {
                why = layout(layer, width);
            }
            if (why.isPresent()) {
                return Optional.of("layer " + i + " (" + c.getClass().getSimpleName() + ") " + why.get());
            }
            width = layer.paramTable().get("W").size(1);
        }
        return Optional.empty();
    }

    private static Optional<String> unsupported(Layer c, boolean last, boolean miniBatch) {
        if (last ? c.getClass() != OutputLayer.class : c.getClass() != DenseLayer.class) {
            return Optional.of(last ? "is not a plain output layer" : "is not a plain dense layer");
        }
        if (!miniBatch) {
            return Optional.of("is not configured for mini-batches");
        }
        if (c instanceof DenseLayer d && (d.hasLayerNorm() || !d.hasBias())) {
            return Optional.of(d.hasLayerNorm() ? "has layer normalisation" : "has no bias");
        }
        if (c instanceof OutputLayer o && (!o.hasBias() || DenseLoss.of(o).isEmpty())) {
            return Optional.of(o.hasBias() ? "has an activation and loss (" + o.getActivationFn() + ", " + o.getLossFn()
                    + ") the pass does not fuse" : "has no bias");
        }
        BaseLayer b = (BaseLayer) c;
        if (!last && DenseActivation.of(b.getActivationFn()).isEmpty()) {
            return Optional.of("has the activation " + b.getActivationFn() + ", which the pass does not implement");
        }
        if (c.getIDropout() != null) {
            return Optional.of("has dropout");
        }
        if (b.getWeightNoise() != null) {
            return Optional.of("has weight noise");
        }
        if (c.getConstraints() != null && !c.getConstraints().isEmpty()) {
            return Optional.of("has parameter constraints");
        }
        return Optional.empty();
    }

    /** DL4J's own dense layout: W (nIn x nOut, column-major) then b, reading the previous layer's width. */
    private static Optional<String> layout(org.deeplearning4j.nn.api.Layer layer, long previousWidth) {
        if (layer.getClass() != org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class
                && layer.getClass() != org.deeplearning4j.nn.layers.OutputLayer.class) {
            return Optional.of("is implemented by " + layer.getClass().getName());
        }
        var p = layer.paramTable();
        INDArray w = p.get("W");
        INDArray b = p.get("b");
        if (p.size() != 2 || w == null || b == null || w.rank() != 2 || w.ordering() != 'f' || b.length() != w.size(1)
                || layer.params().length() != w.length() + b.length()) {
            return Optional.of("does not have DL4J's dense parameter layout (W column-major, then b)");
        }
        if (previousWidth >= 0 && w.size(0) != previousWidth) {
            return Optional.of("reads " + w.size(0) + " values but the layer before gives " + previousWidth);
        }
        return Optional.empty();
    }
}
