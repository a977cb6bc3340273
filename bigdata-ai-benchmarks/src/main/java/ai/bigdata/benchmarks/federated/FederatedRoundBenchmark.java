package ai.bigdata.benchmarks.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.federated.FederatedAveraging;
import ai.bigdata.core.federated.FederatedClient;
import ai.bigdata.core.federated.FederatedHistory;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.vision.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One federated round against the local epoch it replaces, on the same rows: the 2,000 Fashion-MNIST
 * images that ship with the vision module, as 10 IID thread clients of 200 rows
 * ({@code federatedRound}: hand-shake, network shipped, each client trains 1 local epoch from the global
 * parameters, the server averages) or as one dataset ({@code localEpoch}: one epoch through the
 * {@code Trainer}). Same MLP 784-256-128-10, batch 64, Adam 1e-3, one thread for both; the difference is
 * what federation costs (network copies, per-client trainer set-up, the average).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FederatedRoundBenchmark {
    private Dataset rows;
    private List<Dataset> parts;
    private List<FederatedClient> clients;
    private NeuralNetwork federated;
    private NeuralNetwork local;
    private FederatedAveraging round;
    private Trainer epoch;

    /** Reads the images, splits them over the clients and initialises both networks with one round or epoch. */
    @Setup(Level.Trial)
    public void setup() {
        try (Dataset sample = FashionMnist.embeddedSample()) {
            rows = sample.materialize();
        }
        parts = rows.partition(10).iid().seed(1).build().all();
        clients = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            clients.add(FederatedClient.local("client-" + i, parts.get(i)));
        }
        round = FederatedAveraging.builder().rounds(1).localEpochs(1).batchSize(64).optimizer(Optimizer.adam(1e-3)).seed(1).build();
        epoch = Trainer.builder().epochs(1).batchSize(64).optimizer(Optimizer.adam(1e-3)).seed(1).build();
        federated = NeuralNetwork.mlp().hidden(256, 128).build();
        local = NeuralNetwork.mlp().hidden(256, 128).build();
        federatedRound();
        localEpoch();
    }

    /** Closes the clients' parts and the rows. */
    @TearDown(Level.Trial)
    public void tearDown() {
        parts.forEach(Dataset::close);
        rows.close();
    }

    /** One round of federated averaging over the 10 clients. */
    @Benchmark
    public FederatedHistory federatedRound() {
        return round.fit(federated, clients);
    }

    /** One local epoch over the same 2,000 rows. */
    @Benchmark
    public TrainingHistory localEpoch() {
        return epoch.fit(local, rows);
    }
}
