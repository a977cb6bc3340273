package ai.bigdata.core.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The output activation and loss that {@link DenseTrainingPass} fuses into one loop over the output
 * layer's pre-activations, as DL4J's {@code LossMCXENT} and {@code LossMSE} define them: softmax with
 * multi-class cross-entropy (optionally weighted per class; the score clips probabilities to
 * {@code [eps, 1 - eps]} as DL4J does, the gradient does not), or identity with mean squared error
 * (squared error averaged over the outputs). The loss is summed over rows: DL4J divides by the
 * batch size later (score in the output layer, gradient in the updater), and so does the pass.
 */
final class DenseLoss {
    private final boolean softmax;
    private final float[] classWeights;
    private final float clipLow;
    private final float clipHigh;

    private DenseLoss(boolean softmax, float[] classWeights, double clipEps) {
        this.softmax = softmax;
        this.classWeights = classWeights;
        this.clipLow = (float) clipEps;
        this.clipHigh = (float) (1.0 - clipEps);
    }

    /** The fused loss of this output layer, or empty when it is another activation/loss pair (or a weighted MSE). */
    static Optional<DenseLoss> of(OutputLayer conf) {
        ILossFunction loss = conf.getLossFn();
        IActivation act = conf.getActivationFn();
        if (loss != null && loss.getClass() == LossMCXENT.class && act != null && act.getClass() == ActivationSoftmax.class) {
            LossMCXENT x = (LossMCXENT) loss;
            INDArray w = x.getWeights();
            if (w != null && w.length() != conf.getNOut()) {
                return Optional.empty();
            }
            return Optional.of(new DenseLoss(true, w == null ? null : w.toFloatVector(), x.getSoftmaxClipEps()));
        }
        if (loss != null && loss.getClass() == LossMSE.class && ((LossMSE) loss).getWeights() == null && act != null
                && act.getClass() == ActivationIdentity.class) {
            return Optional.of(new DenseLoss(false, null, 0));
        }
        return Optional.empty();
    }

    /**
     * Adds the bias to the {@code rows x cols} row-major pre-activations {@code z}, replaces them by the
     * loss gradient with respect to them (unaveraged, as DL4J's loss gives it) and returns the summed loss.
     */
    double lossAndGradient(float[] z, float[] bias, float[] labels, int rows, int cols) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += softmax ? crossEntropyRow(z, bias, labels, r * cols, cols) : squaredErrorRow(z, bias, labels, r * cols, cols);
        }
        return sum;
    }

    private double crossEntropyRow(float[] z, float[] bias, float[] y, int at, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            z[at + c] += bias[c];
            max = Math.max(max, z[at + c]);
        }
        float total = 0;
        for (int c = 0; c < cols; c++) {
            float e = (float) Math.exp(z[at + c] - max);
            z[at + c] = e;
            total += e;
        }
        double loss = 0;
        float weightedLabels = 0;
        for (int c = 0; c < cols; c++) {
            float p = z[at + c] / total;
            z[at + c] = p;
            float w = classWeights == null ? 1f : classWeights[c];
            float clipped = p < clipLow ? clipLow : p > clipHigh ? clipHigh : p;
            loss -= y[at + c] * w * Math.log(clipped);
            weightedLabels += y[at + c] * w;
        }
        for (int c = 0; c < cols; c++) {
            float w = classWeights == null ? 1f : classWeights[c];
            // DL4J: p - y unweighted, p * sum(y * w) - y * w with class weights
            z[at + c] = classWeights == null ? z[at + c] - y[at + c] : z[at + c] * weightedLabels - y[at + c] * w;
        }
        return loss;
    }

    private static double squaredErrorRow(float[] z, float[] bias, float[] y, int at, int cols) {
        double loss = 0;
        for (int c = 0; c < cols; c++) {
            float d = z[at + c] + bias[c] - y[at + c];
            loss += (double) d * d;
            z[at + c] = 2f * d / cols;
        }
        return loss / cols;
    }
}
