package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs on executors: core's {@link Evaluator#partial} of the broadcast network over one partition's rows,
 * sent to the driver as the part's bytes (counters, and the rows' scores when curves are kept).
 */
final class PartitionEvaluation implements Function2<Integer, Iterator<byte[]>, Iterator<byte[]>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ShippedNetwork> model;
    private final ArrayList<ColumnSpec> columns;
    private final int batchRows;
    private final boolean curves;

    /**
     * @param model the network to evaluate
     * @param columns the rows' core columns
     * @param batchRows rows per model call
     * @param curves whether to keep the scores for ROC and precision-recall curves
     */
    PartitionEvaluation(Broadcast<ShippedNetwork> model, ArrayList<ColumnSpec> columns, int batchRows, boolean curves) {
        this.model = model;
        this.columns = columns;
        this.batchRows = batchRows;
        this.curves = curves;
    }

    @Override
    public Iterator<byte[]> call(Integer partition, Iterator<byte[]> streams) {
        try (Dataset data = StagedData.open(ColumnSpec.schema(columns), streams)) {
            if (data.rowCount() == 0) {
                return Collections.emptyIterator();
            }
            // the engine's thread count (OpenMP keeps it per thread): the same as core's trainer and evaluator use
            Engine.useOnThisThread();
            Network network = model.value().open();
            Evaluator<?> evaluator = Evaluator.any().batchSize(batchRows);
            if (!curves) {
                evaluator.withoutCurves();
            }
            return List.of(evaluator.partial(network, data).toBytes()).iterator();
        }
    }
}
