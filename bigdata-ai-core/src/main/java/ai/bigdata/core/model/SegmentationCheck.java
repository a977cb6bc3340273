package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks that a graph serves a segmentation signature: one row of zeros in gives
 * {@code [1, classes, ...maskShape]} out. The output layer of such graphs (a per-element loss layer) has
 * no size of its own to read, so the shape is checked by one forward pass.
 */
final class SegmentationCheck {
    private SegmentationCheck() {
    }

    static void outputShape(ComputationGraph graph, ModelSignature signature, String what) {
        int[] in = signature.featureShape();
        long[] shape = new long[in.length + 1];
        shape[0] = 1;
        for (int i = 0; i < in.length; i++) {
            shape[i + 1] = in[i];
        }
        int[] out = signature.outputShape();
        long[] expected = new long[out.length + 1];
        expected[0] = 1;
        for (int i = 0; i < out.length; i++) {
            expected[i + 1] = out[i];
        }
        INDArray y = graph.outputSingle(false, Nd4j.zeros(DataType.FLOAT, shape));
        if (!Arrays.equals(y.shape(), expected)) {
            throw new SchemaMismatchException(List.of(String.valueOf(signature.label())), what + " outputs "
                    + Arrays.toString(Arrays.copyOfRange(y.shape(), 1, y.shape().length)) + " per row but the signature needs "
                    + Arrays.toString(out) + " (" + signature + ")");
        }
    }
}
