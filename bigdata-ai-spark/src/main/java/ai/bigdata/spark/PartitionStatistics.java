package ai.bigdata.spark;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PartialFit;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Runs on executors: one partition's Arrow IPC streams, each put through the earlier fitted steps and
 * accumulated into one state of the step being fitted, which leaves the partition as bytes
 * ({@link StateBytes}). A partition without rows gives the empty state.
 *
 * @param <S> the step's state
 */
final class PartitionStatistics<S extends Serializable> implements FlatMapFunction<Iterator<byte[]>, byte[]> {
    private static final long serialVersionUID = 1L;

    private final PartialFit<S> fit;
    private final byte[] empty;
    private final String before;

    /**
     * @param fit the step being fitted
     * @param empty its empty state, as bytes
     * @param before the earlier fitted steps, as {@link TransformJson} text
     */
    PartitionStatistics(PartialFit<S> fit, byte[] empty, String before) {
        this.fit = fit;
        this.empty = empty;
        this.before = before;
    }

    @Override
    public Iterator<byte[]> call(Iterator<byte[]> streams) {
        Transform prefix = TransformJson.read(before);
        S state = StateBytes.read(empty);
        while (streams.hasNext()) {
            try (Dataset raw = Dataset.readArrowStream(new ByteArrayInputStream(streams.next()));
                 Dataset prepared = prefix.apply(raw)) {
                state = fit.accumulate(state, prepared);
            }
        }
        return List.of(StateBytes.write(state)).iterator();
    }
}
