package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.core.train.TrainingListener;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A client's side of a round, the same for thread and socket clients: start a fresh copy of the shipped
 * network (fresh optimiser state) from the global parameters, train it on the client's rows through
 * core's {@link Trainer}, and return the weighted, optionally clipped and masked difference.
 */
final class ClientTraining {
    private final Dataset data;
    private final ModelSignature signature;
    private final PairwiseMasks masks = new PairwiseMasks();
    private Network template;

    ClientTraining(Dataset data) {
        this.data = Objects.requireNonNull(data, "data");
        if (data.rowCount() == 0) {
            throw new IllegalArgumentException("a federated client needs at least one row");
        }
        this.signature = ModelSignature.supervised(data.schema());
    }

    ClientHello hello() {
        return new ClientHello(signature, data.rowCount(), masks.publicKey());
    }

    boolean hasModel() {
        return template != null;
    }

    /** The network every round starts from a copy of; it is never trained itself. */
    void adopt(Network network) {
        if (!network.isInitialised()) {
            throw new IllegalArgumentException("the shipped network is not initialised");
        }
        if (!network.signature().equals(signature)) {
            throw new IllegalArgumentException("the shipped network was built for " + network.signature() + "; this client's rows are "
                    + signature);
        }
        this.template = network.copy();
    }

    ClientUpdate train(RoundTask task) {
        if (template == null) {
            throw new IllegalStateException("no network was shipped before round " + task.round());
        }
        Network local = template.copy();
        INDArray start = local.parameters();
        if (start.length() != task.global().length) {
            throw new IllegalArgumentException("the round's global parameters have " + task.global().length + " values; the network has "
                    + start.length());
        }
        INDArray global = Nd4j.createFromArray(task.global()).reshape(start.shape()).castTo(start.dataType());
        local.setParameters(global);
        Trainer.Builder b = Trainer.builder().epochs(task.epochs()).batchSize(task.batchSize()).seed(task.seed());
        if (task.proximalMu() > 0) {
            b.listener(proximalStep(local, global, task.learningRate() * task.proximalMu()));
        }
        TrainingHistory h = b.build().fit(local, data);
        double[] delta = difference(local.parameters(), task.global());
        clip(delta, task.clipNorm());
        for (int i = 0; i < delta.length; i++) {
            delta[i] *= task.weight();
        }
        double loss = h.last().trainLoss();
        if (!task.secure()) {
            return new ClientUpdate(delta, null, loss);
        }
        long[] encoded = FixedPoint.encode(delta);
        masks.apply(encoded, task.round(), task.participantKeys(), task.self());
        return new ClientUpdate(null, encoded, loss);
    }

    /**
     * FedProx's proximal term mu/2 |w - w_global|^2, applied after every optimiser step as its exact
     * proximal operator with step size eta: w <- (w + eta mu w_global) / (1 + eta mu).
     */
    private static TrainingListener proximalStep(Network local, INDArray global, double etaMu) {
        double keep = 1 / (1 + etaMu);
        INDArray pull = global.mul(etaMu * keep);
        return new TrainingListener() {
            @Override
            public void onBatch(BatchEvent event) {
                local.parameters().muli(keep).addi(pull);
            }
        };
    }

    private static double[] difference(INDArray after, float[] before) {
        float[] a = after.dup().data().asFloat();
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = (double) a[i] - before[i];
        }
        return d;
    }

    static void clip(double[] delta, double norm) {
        if (norm <= 0) {
            return;
        }
        double sq = 0;
        for (double v : delta) {
            sq += v * v;
        }
        double n = Math.sqrt(sq);
        if (n > norm) {
            double f = norm / n;
            for (int i = 0; i < delta.length; i++) {
                delta[i] *= f;
            }
        }
    }
}
