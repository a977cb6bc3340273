package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The server of federated averaging (McMahan et al. 2017). Each round it samples a fraction of the
 * clients, sends them the global parameters, lets each train locally for a few epochs through core's
 * {@code Trainer}, and moves the global model by the average of their updates, weighted by their row
 * counts. Options: FedProx's proximal term ({@link Builder#proximal}), client-level differential privacy
 * ({@link Builder#privacy}, then clients are sampled independently and weighted equally, as DP-FedAvg
 * needs), and secure aggregation ({@link Builder#secureAggregation}: the server receives only masked
 * updates and learns their sum). Every client starts each round from a fresh copy of the network (fresh
 * optimiser state), so thread and socket clients give the same model for the same seed.
 *
 * <pre>{@code
 * Partitioner parts = train.partition(10).labelSkew("label", 0.5).seed(1).build();
 * List<FederatedClient> clients = new ArrayList<>();
 * for (int i = 0; i < parts.count(); i++) clients.add(FederatedClient.local("client-" + i, parts.part(i)));
 * Network model = NeuralNetwork.mlp().hidden(128).build();
 * FederatedHistory h = FederatedAveraging.builder().rounds(20).localEpochs(1).batchSize(64)
 *         .optimizer(Optimizer.adam(1e-3)).validation(validation).build().fit(model, clients);
 * }</pre>
 */
public final class FederatedAveraging {
    private final int rounds;
    private final double clientFraction;
    private final int localEpochs;
    private final int batchSize;
    private final Optimizer optimizer;
    private final double proximalMu;
    private final DifferentialPrivacy privacy;
    private final boolean secure;
    private final long seed;
    private final int parallelism;
    private final Dataset validation;
    private final List<Consumer<RoundRecord>> listeners;

    private FederatedAveraging(Builder b) {
        this.rounds = b.rounds;
        this.clientFraction = b.clientFraction;
        this.localEpochs = b.localEpochs;
        this.batchSize = b.batchSize;
        this.optimizer = b.optimizer;
        this.proximalMu = b.proximalMu;
        this.privacy = b.privacy;
        this.secure = b.secure;
        this.seed = b.seed;
        this.parallelism = b.parallelism;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
    }

    /** A new builder (defaults: 10 rounds, every client each round, 1 local epoch, batch 32, Adam 1e-3, seed 42). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the rounds and leaves the trained global parameters in {@code model}. An uninitialised model is
     * created for the clients' common signature with this federation's optimiser and seed.
     *
     * @throws SchemaMismatchException when clients train on different columns or classes, or an existing
     *     model was built for others
     * @throws ClientFailedException when a client fails or disconnects (the run stops: secure aggregation
     *     cannot finish a round without every participant)
     */
    public FederatedHistory fit(Network model, List<FederatedClient> clients) {
        Objects.requireNonNull(model, "model");
        if (clients == null || clients.isEmpty()) {
            throw new IllegalArgumentException("federated averaging needs at least one client");
        }
        List<ClientHello> hellos = handshake(clients);
        ModelSignature sig = hellos.get(0).signature();
        long meanRows = Math.max(1, hellos.stream().mapToLong(ClientHello::rows).sum() / hellos.size());
        Trainer.builder().epochs(localEpochs).batchSize(batchSize).optimizer(optimizer).seed(seed).build()
                .initialise(model, sig, (meanRows + batchSize - 1) / batchSize);
        for (FederatedClient c : clients) {
            try {
                c.ship(model);
            } catch (RuntimeException e) {
                throw failure(c, 0, e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "federated-client");
            t.setDaemon(true);
            return t;
        });
        try {
            return rounds(model, clients, hellos, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<ClientHello> handshake(List<FederatedClient> clients) {
        List<ClientHello> hellos = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FederatedClient c : clients) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("two clients are named '" + c.name() + "'; names must be unique");
            }
            ClientHello h;
            try {
                h = c.hello();
            } catch (RuntimeException e) {
                throw failure(c, 0, e);
            }
            if (!hellos.isEmpty() && !h.signature().equals(hellos.get(0).signature())) {
                throw new SchemaMismatchException(h.signature().featureNames(), "client '" + c.name() + "' trains on " + h.signature()
                        + " but client '" + clients.get(0).name() + "' on " + hellos.get(0).signature()
                        + "; every client needs the same columns and label classes");
            }
            hellos.add(h);
        }
        return hellos;
    }

    private FederatedHistory rounds(Network model, List<FederatedClient> clients, List<ClientHello> hellos, ExecutorService pool) {
        Random sampler = new Random(seed);
        SplittableRandom noise = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        RdpAccountant accountant = privacy == null ? null : new RdpAccountant();
        List<RoundRecord> records = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<Integer> chosen = sample(sampler, clients.size());
            INDArray params = model.parameters();
            float[] global = params.dup().data().asFloat();
            double[] weights = weights(chosen, hellos, clients.size());
            List<byte[]> keys = new ArrayList<>();
            for (int k : chosen) {
                keys.add(hellos.get(k).publicKey());
            }
            List<Future<ClientUpdate>> futures = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                FederatedClient c = clients.get(chosen.get(i));
                RoundTask task = new RoundTask(round, seed + 1_000_003L * round + chosen.get(i), localEpochs, batchSize, proximalMu,
                        optimizer.learningRate(), privacy == null ? 0 : privacy.clipNorm(), weights[i], secure, i,
                        secure ? keys : List.of(), global);
                futures.add(pool.submit(() -> c.train(task)));
            }
            Aggregate agg = aggregate(clients, chosen, futures, round, global.length);
            double[] average = agg.sum();
            if (privacy != null) {
                double sd = privacy.noiseMultiplier() * privacy.clipNorm() / expectedClients(clients.size());
                for (int i = 0; i < average.length; i++) {
                    average[i] += sd * noise.nextGaussian();
                }
                accountant.addSampledGaussian(clientFraction, privacy.noiseMultiplier(), 1);
            }
            float[] next = new float[global.length];
            for (int i = 0; i < next.length; i++) {
                next[i] = (float) (global[i] + average[i]);
            }
            model.setParameters(Nd4j.createFromArray(next).reshape(params.shape()).castTo(params.dataType()));
            records.add(record(round, clients, chosen, agg.meanLoss(), accountant, model, start));
            RoundRecord last = records.get(records.size() - 1);
            listeners.forEach(l -> l.accept(last));
        }
        return new FederatedHistory(records);
    }

    /** The round's summed updates and the participants' last local losses. */
    private record Aggregate(double[] sum, double meanLoss) {
    }

    /** Sums the updates in participant order (masked ones modulo 2^64) and returns their (decoded) sum. */
    private Aggregate aggregate(List<FederatedClient> clients, List<Integer> chosen, List<Future<ClientUpdate>> futures, int round,
            int length) {
        double[] plainSum = new double[length];
        long[] maskedSum = new long[length];
        double lossSum = 0;
        for (int i = 0; i < futures.size(); i++) {
            FederatedClient c = clients.get(chosen.get(i));
            ClientUpdate u;
            try {
                u = futures.get(i).get();
            } catch (ExecutionException e) {
                throw failure(c, round, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientFailedException(c.name(), round, "interrupted while waiting for the update", e);
            }
            if (u.length() != length || (secure ? u.masked() == null : u.plain() == null)) {
                throw new ClientFailedException(c.name(), round, "sent an update of " + u.length() + " values ("
                        + (u.masked() != null ? "masked" : "plain") + "); expected " + length + (secure ? " masked" : " plain"), null);
            }
            if (secure) {
                long[] m = u.masked();
                for (int j = 0; j < length; j++) {
                    maskedSum[j] += m[j];
                }
            } else {
                double[] p = u.plain();
                for (int j = 0; j < length; j++) {
                    if (!Double.isFinite(p[j])) {
                        throw new ClientFailedException(c.name(), round, "sent a non-finite update value " + p[j] + " at parameter " + j
                                + "; its local training diverged or the update was altered", null);
                    }
                    plainSum[j] += p[j];
                }
            }
            lossSum += u.loss();
        }
        return new Aggregate(secure ? FixedPoint.decode(maskedSum) : plainSum, futures.isEmpty() ? Double.NaN : lossSum / futures.size());
    }

    private RoundRecord record(int round, List<FederatedClient> clients, List<Integer> chosen, double meanLoss, RdpAccountant accountant,
            Network model, long start) {
        List<String> names = new ArrayList<>();
        for (int k : chosen) {
            names.add(clients.get(k).name());
        }
        OptionalDouble eps = accountant == null ? OptionalDouble.empty() : OptionalDouble.of(accountant.epsilon(privacy.delta()));
        Map<String, Double> metrics = validation == null ? Map.of()
                : Evaluator.any().withoutCurves().evaluate(model, validation).metrics();
        return new RoundRecord(round, names, meanLoss, eps, metrics, (System.nanoTime() - start) / 1e9);
    }

    /** Without privacy: a fixed-size sample without replacement; with it: each client independently (Poisson). */
    private List<Integer> sample(Random rnd, int n) {
        List<Integer> out = new ArrayList<>();
        if (privacy != null) {
            for (int k = 0; k < n; k++) {
                if (clientFraction >= 1 || rnd.nextDouble() < clientFraction) {
                    out.add(k);
                }
            }
            return out;
        }
        int m = Math.max(1, (int) Math.round(clientFraction * n));
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            all.add(k);
        }
        Collections.shuffle(all, rnd);
        out.addAll(all.subList(0, m));
        Collections.sort(out);
        return out;
    }

    private double expectedClients(int n) {
        return clientFraction * n;
    }

    private double[] weights(List<Integer> chosen, List<ClientHello> hellos, int n) {
        double[] w = new double[chosen.size()];
        if (privacy != null) {
            java.util.Arrays.fill(w, 1 / expectedClients(n));
            return w;
        }
        long total = 0;
        for (int k : chosen) {
            total += hellos.get(k).rows();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = hellos.get(chosen.get(i)).rows() / (double) total;
        }
        return w;
    }

    private static ClientFailedException failure(FederatedClient c, int round, Throwable cause) {
        if (cause instanceof ClientFailedException cf) {
            return cf;
        }
        return new ClientFailedException(c.name(), round, String.valueOf(cause.getMessage()), cause);
    }

    @Override
    public String toString() {
        return "FederatedAveraging(" + rounds + " rounds, fraction " + clientFraction + ", " + localEpochs + " local epochs, batch "
                + batchSize + ", " + optimizer + (proximalMu > 0 ? ", FedProx mu " + proximalMu : "")
                + (privacy != null ? ", " + privacy : "") + (secure ? ", secure aggregation" : "") + ")";
    }

    /** Options of a federated run. */
    public static final class Builder {
        private int rounds = 10;
        private double clientFraction = 1.0;
        private int localEpochs = 1;
        private int batchSize = 32;
        private Optimizer optimizer = Optimizer.adam(1e-3);
        private double proximalMu;
        private DifferentialPrivacy privacy;
        private boolean secure;
        private long seed = 42;
        private int parallelism = 1;
        private Dataset validation;
        private final List<Consumer<RoundRecord>> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Communication rounds (at least 1). */
        public Builder rounds(int n) {
            this.rounds = atLeastOne("rounds", n);
            return this;
        }

        /**
         * The share of clients asked each round, in (0, 1]: without privacy round(fraction * clients) of them
         * (at least one), with privacy each one independently with this probability.
         */
        public Builder clientFraction(double f) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("clientFraction must be in (0, 1], got " + f);
            }
            this.clientFraction = f;
            return this;
        }

        /** Local epochs per round (E in the paper). */
        public Builder localEpochs(int n) {
            this.localEpochs = atLeastOne("localEpochs", n);
            return this;
        }

        /** Local batch size (B in the paper). */
        public Builder batchSize(int n) {
            this.batchSize = atLeastOne("batchSize", n);
            return this;
        }

        /**
         * The clients' local optimiser; it restarts (fresh state, the schedule from its start) every round.
         * L-BFGS is refused.
         */
        public Builder optimizer(Optimizer o) {
            this.optimizer = Objects.requireNonNull(o, "optimizer");
            return this;
        }

        /**
         * FedProx (Li et al. 2020): local training also pulls towards the round's global parameters with
         * strength {@code mu} (0 turns it off), applied as the exact proximal step of mu/2 |w - w_global|^2
         * after every optimiser step, with the optimiser's base learning rate as step size.
         */
        public Builder proximal(double mu) {
            if (!(mu >= 0) || Double.isInfinite(mu)) {
                throw new IllegalArgumentException("FedProx mu must be >= 0 and finite, got " + mu);
            }
            this.proximalMu = mu;
            return this;
        }

        /** Client-level differential privacy (see {@link DifferentialPrivacy}). */
        public Builder privacy(DifferentialPrivacy p) {
            this.privacy = Objects.requireNonNull(p, "privacy");
            return this;
        }

        /** Whether clients mask their updates so that the server learns only their sum (default false). */
        public Builder secureAggregation(boolean on) {
            this.secure = on;
            return this;
        }

        /** Seed of the network, the client sampling, the local shuffles and the privacy noise. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How many clients train at the same time (default 1: one after the other). */
        public Builder parallelism(int n) {
            this.parallelism = atLeastOne("parallelism", n);
            return this;
        }

        /** Data the server evaluates the global model on after every round (held out from every client). */
        public Builder validation(Dataset d) {
            this.validation = Objects.requireNonNull(d, "validation");
            return this;
        }

        /** Called on the server's thread after every round. */
        public Builder listener(Consumer<RoundRecord> l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** The configured server. */
        public FederatedAveraging build() {
            return new FederatedAveraging(this);
        }

        private static int atLeastOne(String name, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + n);
            }
            return n;
        }
    }
}
