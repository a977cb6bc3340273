package ai.bigdata.spark;

import ai.bigdata.core.model.Network;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's half of a round: the replicas' parameters and optimiser states averaged, each weighted by
 * its partition's rows, summed in double precision in partition order (so the result does not depend on
 * which task finished first), and written into the global network.
 */
final class WeightedAverage {
    private WeightedAverage() {
    }

    /**
     * Sets {@code network}'s parameters and optimiser state to the row-weighted means of {@code updates}.
     *
     * @throws IllegalStateException when an update's sizes do not match the network
     */
    static void into(Network network, List<PartitionUpdate> updates) {
        double total = 0;
        for (PartitionUpdate u : updates) {
            total += u.rows();
        }
        INDArray params = network.parameters();
        params.assign(mean(updates, total, params.length(), true).reshape(params.shape()).castTo(params.dataType()));
        INDArray state = network.updaterState();
        if (state != null) {
            state.assign(mean(updates, total, state.length(), false).reshape(state.shape()).castTo(state.dataType()));
        }
    }

    private static INDArray mean(List<PartitionUpdate> updates, double total, long length, boolean parameters) {
        double[] sum = new double[Math.toIntExact(length)];
        for (PartitionUpdate u : updates) {
            float[] v = parameters ? u.parameters() : u.updaterState();
            if (v.length != sum.length) {
                throw new IllegalStateException("partition " + u.partition() + " sent " + v.length + (parameters ? " parameters" : " optimiser values")
                        + "; the network has " + sum.length);
            }
            double w = u.rows() / total;
            for (int i = 0; i < v.length; i++) {
                sum[i] += w * v[i];
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sum[i];
        }
        return Nd4j.createFromArray(out);
    }
}
