package ai.bigdata.core.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a graph needs to serve a detection signature (a boxes label): a YOLOv2 output layer (DL4J's
 * {@code Yolo2OutputLayer}) whose output per row is {@code [anchors * (5 + classes), gridH, gridW]}, checked
 * by one forward pass of a zero row; and the conversion of box label rows into that layer's labels.
 */
final class DetectionHead {
    private DetectionHead() {
    }

    /**
     * The output grid {@code [gridH, gridW]} of {@code graph} for {@code signature}.
     *
     * @throws SchemaMismatchException when the output layer is no YOLOv2 layer or its output does not fit the classes
     */
    static int[] grid(ComputationGraph graph, ModelSignature signature, String what) {
        String outName = graph.getConfiguration().getNetworkOutputs().get(0);
        org.deeplearning4j.nn.api.Layer out = graph.getLayer(outName);
        if (out == null || !(out.conf().getLayer() instanceof Yolo2OutputLayer)) {
            throw new SchemaMismatchException(List.of(String.valueOf(signature.label())), what + " ends in "
                    + (out == null ? "a vertex" : out.conf().getLayer().getClass().getSimpleName()) + "; label '" + signature.label()
                    + "' holds boxes, which need a YOLOv2 output layer (Yolo2OutputLayer), such as the vision module's ConvNets.detector()");
        }
        int[] in = signature.featureShape();
        long[] shape = new long[in.length + 1];
        shape[0] = 1;
        for (int i = 0; i < in.length; i++) {
            shape[i + 1] = in[i];
        }
        INDArray y = graph.outputSingle(false, Nd4j.zeros(DataType.FLOAT, shape));
        int classes = signature.classNames().size();
        if (y.rank() != 4 || y.size(1) % (5 + classes) != 0) {
            throw new SchemaMismatchException(List.of(String.valueOf(signature.label())), what + " outputs "
                    + Arrays.toString(Arrays.copyOfRange(y.shape(), 1, y.shape().length)) + " per row; " + classes
                    + " box classes need [anchors * " + (5 + classes) + ", gridH, gridW]");
        }
        return new int[] {(int) y.size(2), (int) y.size(3)};
    }

    /**
     * The YOLOv2 labels {@code [rows, 4 + classes, gridH, gridW]} of box label rows {@code [rows, maxBoxes * 5]}
     * (checked when the batch was read): at the cell holding a box's centre, its corners in grid cells and its
     * class one-hot; zeros elsewhere. When two boxes' centres fall in one cell, the later box is kept.
     */
    static INDArray targets(INDArray boxes, ModelSignature signature, int[] grid) {
        int[] image = signature.featureShape();
        int imageH = image[image.length - 2];
        int imageW = image[image.length - 1];
        int classes = signature.classNames().size();
        int rows = (int) boxes.size(0);
        int maxBoxes = signature.outputShape()[0];
        int gh = grid[0];
        int gw = grid[1];
        float[] b = boxes.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] t = new float[rows * (4 + classes) * gh * gw];
        int plane = gh * gw;
        float cellH = (float) imageH / gh;
        float cellW = (float) imageW / gw;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < maxBoxes; k++) {
                int at = (r * maxBoxes + k) * 5;
                int id = (int) b[at];
                if (id == 0) {
                    continue;
                }
                float x0 = b[at + 1] / cellW;
                float y0 = b[at + 2] / cellH;
                float x1 = (b[at + 3] + 1) / cellW;
                float y1 = (b[at + 4] + 1) / cellH;
                int cx = Math.min(gw - 1, (int) ((x0 + x1) / 2));
                int cy = Math.min(gh - 1, (int) ((y0 + y1) / 2));
                int base = r * (4 + classes) * plane + cy * gw + cx;
                for (int c = 0; c < 4 + classes; c++) {
                    t[base + c * plane] = 0;
                }
                t[base] = x0;
                t[base + plane] = y0;
                t[base + 2 * plane] = x1;
                t[base + 3 * plane] = y1;
                t[base + (4 + id - 1) * plane] = 1;
            }
        }
        return Nd4j.create(t, new long[] {rows, 4 + classes, gh, gw}, 'c');
    }
}
