package ai.bigdata.core.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.conf.weightnoise.WeightNoise;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Which networks the dense fast paths ({@link NativeDenseForward}, {@link DenseInference}) compute
 * exactly as DL4J's {@code output()} does: a stack of plain dense layers (no layer normalisation),
 * batch normalisation with learned gamma and beta, and a plain output layer, without input
 * preprocessors. Dropout, parameter constraints and DL4J's own weight noises ({@code WeightNoise},
 * {@code DropConnect}) act only in training, so they are covered; any other weight noise might act at
 * inference and is refused. Anything else is refused too, so the caller falls back to DL4J's own
 * {@code output()}.
 */
final class DenseFastPath {
    private DenseFastPath() {
    }

    /** Why the fast paths would not compute this network exactly, or empty when they would. */
    static Optional<String> unsupported(MultiLayerNetwork net) {
        if (net.getnLayers() == 0) {
            return Optional.of("the network has no layers");
        }
        var pre = net.getLayerWiseConfigurations().getInputPreProcessors();
        if (pre != null && !pre.isEmpty()) {
            return Optional.of("the network has input preprocessors " + pre.keySet());
        }
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            Optional<String> why = unsupported(conf);
            if (why.isPresent()) {
                return Optional.of("layer " + i + " (" + conf.getClass().getSimpleName() + ") " + why.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unsupported(Layer conf) {
        if (conf.getClass() == DenseLayer.class) {
            if (((DenseLayer) conf).hasLayerNorm()) {
                return Optional.of("has layer normalisation");
            }
        } else if (conf.getClass() == BatchNormalization.class) {
            if (((BatchNormalization) conf).isLockGammaBeta()) {
                return Optional.of("has locked gamma and beta");
            }
        } else if (conf.getClass() != OutputLayer.class) {
            return Optional.of("is not a dense, batch-normalisation or output layer");
        }
        IWeightNoise noise = ((BaseLayer) conf).getWeightNoise();
        if (noise != null && noise.getClass() != WeightNoise.class && noise.getClass() != DropConnect.class) {
            return Optional.of("has a weight noise (" + noise.getClass().getName() + ") that may act at inference");
        }
        return Optional.empty();
    }
}
