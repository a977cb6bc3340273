package ai.bigdata.spark;

import ai.bigdata.core.prep.PartialFit;
import java.io.Serializable;
import org.apache.spark.api.java.function.Function2;

/** Runs wherever Spark combines partial results: two states, as bytes, merged into one. */
final class MergeStates<S extends Serializable> implements Function2<byte[], byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    private final PartialFit<S> fit;

    MergeStates(PartialFit<S> fit) {
        this.fit = fit;
    }

    @Override
    public byte[] call(byte[] left, byte[] right) {
        S a = StateBytes.read(left);
        S b = StateBytes.read(right);
        return StateBytes.write(fit.merge(a, b));
    }
}
