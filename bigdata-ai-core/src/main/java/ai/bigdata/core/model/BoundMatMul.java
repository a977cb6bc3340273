package ai.bigdata.core.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A matrix product {@code z = op(a) op(b)} bound to its arrays once and run as often as needed through
 * one native op context. {@code Nd4j.exec(new Mmul(...))} builds a fresh native context (with native
 * argument buffers) for every call, and ND4J frees those only when the garbage collector finds them, so a
 * training loop of small batches grew its native memory by hundreds of megabytes between collections.
 * The product is the same native {@code matmul} with the same arguments, so results are identical.
 *
 * <p>Not thread-safe (one per owner, like the network it serves).
 */
final class BoundMatMul {
    private final Mmul op;
    private final OpContext context;
    private final INDArray[] inputs;

    /** The product of {@code a} and {@code b} (transposed as {@code t} says) written into {@code z}. */
    BoundMatMul(INDArray a, INDArray b, INDArray z, MMulTranspose t) {
        this.op = new Mmul(a, b, z, 1.0, 0.0, t);
        this.inputs = new INDArray[] {a, b};
        this.context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(a, b);
        context.setOutputArrays(z);
        context.setIArguments(op.iArgs());
        context.setTArguments(op.tArgs());
    }

    /** Runs the product on the bound arrays. */
    void run() {
        Nd4j.getExecutioner().exec(op, context);
    }

    /**
     * Runs the product with input {@code index} (0 or 1) replaced by {@code input}, an array of the
     * bound one's shape and type (the caller checks), which stays bound for later runs.
     */
    void run(int index, INDArray input) {
        if (inputs[index] != input) {
            context.setInputArray(index, input);
            inputs[index] = input;
        }
        run();
    }
}
