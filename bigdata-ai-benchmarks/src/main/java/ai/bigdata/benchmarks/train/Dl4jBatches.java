package ai.bigdata.benchmarks.train;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;

/** The batches of one shuffled epoch, copied out as DL4J {@code DataSet}s: what DL4J's own {@code fit} baselines train on. */
final class Dl4jBatches {
    private Dl4jBatches() {
    }

    /** Batches of {@code batchSize} rows in the order of shuffle seed 42; flat features when {@code flat}. */
    static List<DataSet> of(Dataset data, int batchSize, boolean flat) {
        List<DataSet> batches = new ArrayList<>();
        try (BatchIterator it = data.batches().batchSize(batchSize).shuffle(42).flat(flat).build()) {
            while (it.hasNext()) {
                Batch b = it.next().detach();
                batches.add(new DataSet(b.features(), b.labels()));
            }
        }
        return batches;
    }
}
