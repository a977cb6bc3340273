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
 * The product is the same native {@code matmul} with the same arguments, so results are identical. The
 * arrays stay bound for the context's life (libnd4j keeps a handle on every array ever set on a context,
 * so rebinding per call would pin each old array's memory): copy new values into them instead.
 *
 * <p>Not thread-safe (one per owner, like the network it serves).
 */
final class BoundMatMul {
    private final Mmul op;
    private final OpContext context;

    /** The product of {@code a} and {@code b} (transposed as {@code t} says) written into {@code z}. */
    BoundMatMul(INDArray a, INDArray b, INDArray z, MMulTranspose t) {
        this.op = new Mmul(a, b, z, 1.0, 0.0, t);
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
}
