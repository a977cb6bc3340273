package ai.bigdata.recsys;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@link SubsetVertex} (input columns {@code from..to}) for columns that hold ids read by embedding layers.
 * An embedding layer passes no gradient back to its input (ids are not differentiable), and DL4J 1.0.0-M2.1's subset
 * vertex then fails the backward pass ("error not set"); this one passes zeros back instead.
 */
final class IndexColumnsVertex extends SubsetVertex {
    IndexColumnsVertex(int from, int to) {
        super(from, to);
    }

    @Override
    public IndexColumnsVertex clone() {
        return new IndexColumnsVertex(getFrom(), getTo());
    }

    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView, boolean initializeParams,
            DataType networkDatatype) {
        return new Impl(graph, name, idx, getFrom(), getTo(), networkDatatype);
    }

    private static final class Impl extends org.deeplearning4j.nn.graph.vertex.impl.SubsetVertex {
        private final int width;

        Impl(ComputationGraph graph, String name, int idx, int from, int to, DataType dataType) {
            super(graph, name, idx, from, to, dataType);
            this.width = to - from + 1;
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            if (epsilon == null && inputs != null && inputs[0] != null) {
                epsilon = Nd4j.zeros(inputs[0].dataType(), inputs[0].size(0), width);
            }
            return super.doBackward(tbptt, workspaceMgr);
        }
    }
}
