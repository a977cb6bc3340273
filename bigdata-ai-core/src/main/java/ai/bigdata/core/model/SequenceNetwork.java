package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;

/**
 * Builder of a sequence classifier or regressor: stacked LSTM layers read a tensor column shaped
 * {@code [time, features]} (time steps first), and the last step's state feeds a softmax or linear
 * output. Sizes come from the data.
 */
public final class SequenceNetwork {
    private int[] units = {32};

    SequenceNetwork() {
    }

    /** Units of each LSTM layer, bottom first (default 32). */
    public SequenceNetwork units(int... sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("units must be positive, got " + Arrays.toString(sizes));
        }
        this.units = sizes.clone();
        return this;
    }

    /** The untrained network. */
    public NeuralNetwork build() {
        int[] sizes = units.clone();
        NetworkRecipe recipe = (sig, settings) -> {
            int[] shape = sig.featureShape();
            if (shape.length != 2) {
                throw new SchemaMismatchException(sig.featureNames(), "an LSTM reads one tensor column shaped [time, features];"
                        + " the data gives " + Arrays.toString(shape));
            }
            if (sig.task() == Task.RECONSTRUCTION) {
                throw new SchemaMismatchException(List.of(), "an LSTM here needs a label");
            }
            NeuralNetConfiguration.ListBuilder b = Layers.base(settings, 0).list();
            int nIn = shape[1];
            for (int i = 0; i < sizes.length; i++) {
                LSTM lstm = new LSTM.Builder().nIn(nIn).nOut(sizes[i]).activation(Activation.TANH).dataFormat(RNNFormat.NWC).build();
                b.layer(i == sizes.length - 1 ? new LastTimeStep(lstm) : lstm);
                nIn = sizes[i];
            }
            b.layer(Layers.output(sig, settings, nIn));
            return b.build();
        };
        return new NeuralNetwork("lstm", recipe, "lstm " + Arrays.toString(sizes));
    }
}
