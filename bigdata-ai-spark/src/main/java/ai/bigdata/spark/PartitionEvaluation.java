package ai.bigdata.spark;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs on executors: the broadcast network's outputs for one partition's rows, in batches, with the rows'
 * label values beside them, sent to the driver as {@link PartitionScores}.
 */
final class PartitionEvaluation implements Function2<Integer, Iterator<byte[]>, Iterator<PartitionScores>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ShippedNetwork> model;
    private final ArrayList<ColumnSpec> columns;
    private final int batchRows;

    /**
     * @param model the network to evaluate
     * @param columns the rows' core columns
     * @param batchRows rows per model call
     */
    PartitionEvaluation(Broadcast<ShippedNetwork> model, ArrayList<ColumnSpec> columns, int batchRows) {
        this.model = model;
        this.columns = columns;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<PartitionScores> call(Integer partition, Iterator<byte[]> streams) {
        try (Dataset data = StagedData.open(ColumnSpec.schema(columns), streams)) {
            if (data.rowCount() == 0) {
                return Collections.emptyIterator();
            }
            // the engine's thread count (OpenMP keeps it per thread): the same as core's trainer and evaluator use
            Engine.useOnThisThread();
            Network network = model.value().open();
            ModelSignature sig = network.signature();
            int rows = Math.toIntExact(data.rowCount());
            List<float[]> truths = new ArrayList<>();
            List<float[]> outputs = new ArrayList<>();
            int truthWidth = 0;
            int outputWidth = 0;
            try (BatchIterator it = data.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label())
                    .batchSize(batchRows).build()) {
                while (it.hasNext()) {
                    Batch b = it.next();
                    INDArray out = network.output(b.features());
                    outputWidth = (int) (out.length() / b.size());
                    truthWidth = (int) (b.labels().length() / b.size());
                    outputs.add(floats(out));
                    truths.add(floats(b.labels()));
                }
            }
            return List.of(new PartitionScores(partition, rows, truthWidth, join(truths, rows * truthWidth), outputWidth,
                    join(outputs, rows * outputWidth))).iterator();
        }
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private static float[] join(List<float[]> parts, int length) {
        float[] all = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
