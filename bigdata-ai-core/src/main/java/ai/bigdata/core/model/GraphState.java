package ai.bigdata.core.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the computation-graph families ({@link GraphNetwork}, {@link Seq2SeqNetwork}) read from a DL4J graph alike. */
final class GraphState {
    private GraphState() {
    }

    /** The optimiser's state of {@code g}, or null before it has one. */
    static INDArray updaterState(ComputationGraph g) {
        return g.getUpdater() == null ? null : g.getUpdater().getStateViewArray();
    }

    /** The current learning rate of the first layer with parameters, or NaN. */
    static double learningRate(ComputationGraph g) {
        for (Layer layer : g.getLayers()) {
            if (layer.numParams() > 0) {
                Double rate = g.getLearningRate(layer.conf().getLayer().getLayerName());
                return rate == null ? Double.NaN : rate;
            }
        }
        return Double.NaN;
    }
}
