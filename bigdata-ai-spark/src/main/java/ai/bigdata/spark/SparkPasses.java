package ai.bigdata.spark;

import ai.bigdata.core.prep.PartialFit;
import ai.bigdata.core.prep.PartialFitting;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;

/**
 * One pass of a step over a DataFrame's partitions: a Spark job in which each partition accumulates its
 * state on its executor, and the states are merged by {@code treeReduce} (merges on executors, the last
 * ones on the driver). The order Spark merges in is not fixed, which only moves means and variances in
 * their last bits.
 */
final class SparkPasses implements PartialFitting.Passes {
    private final JavaRDD<byte[]> streams;
    private final int depth;

    /**
     * @param streams each partition's rows as Arrow IPC streams in core's layout
     * @param depth the depth of the merge tree
     */
    SparkPasses(JavaRDD<byte[]> streams, int depth) {
        this.streams = streams;
        this.depth = depth;
    }

    @Override
    public <S extends Serializable> S gather(PartialFit<S> fit, S empty, Transform before) {
        if (streams.getNumPartitions() == 0) {
            return empty;
        }
        JavaRDD<byte[]> states = streams.mapPartitions(
                new PartitionStatistics<>(fit, StateBytes.write(empty), TransformJson.write(before)));
        byte[] merged;
        try {
            merged = states.treeReduce(new MergeStates<>(fit), depth);
        } catch (Exception e) {
            throw SparkFailures.rethrow(e);
        }
        return StateBytes.read(merged);
    }
}
