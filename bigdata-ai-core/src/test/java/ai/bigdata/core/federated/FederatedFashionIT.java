package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Partitioner;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Federated averaging on real Fashion-MNIST (issue 15's protocol): the first 55,000 training images are
 * split over the clients (IID, or label skew by Dirichlet 0.5), the last 5,000 are the server's validation
 * data (reported each round, never used to choose anything), and the 10,000 test images score the final
 * model once. Two set-ups: 10 clients, all in every round, MLP 784-256-128-10 for 30 rounds; and 1,000
 * clients of 55 rows, 10% sampled a round, MLP 784-64-10 for 100 rounds, where client-level privacy can
 * reach a single-digit epsilon. Privacy: DP-FedAvg, epsilon at delta 1e-5 from the RDP accountant. The
 * table goes to {@code target/federated-fashion.md}. About 7 minutes on two cores. The data are shared
 * by the tests (read once), so the per-test Arrow leak check does not apply here.
 */
class FederatedFashionIT {
    private static final List<String> ROWS = new ArrayList<>();
    private static Dataset train;
    private static Dataset validation;
    private static Dataset test;

    @BeforeAll
    static void read() {
        train = FashionImages.train(0, 55_000);
        validation = FashionImages.train(55_000, 5_000);
        test = FashionImages.test(0, 10_000);
    }

    @AfterAll
    static void report() throws IOException {
        // without the data set the class was skipped in read(): nothing was opened and nothing was measured
        for (Dataset d : new Dataset[] {test, validation, train}) {
            if (d != null) {
                d.close();
            }
        }
        if (ROWS.isEmpty()) {
            return;
        }
        String table = "| clients | model, local training | rounds | privacy | epsilon (delta 1e-5) | validation accuracy, round 10 / last"
                + " | test accuracy | median seconds per round |\n|---|---|---|---|---|---|---|---|\n" + String.join("\n", ROWS) + "\n";
        System.out.println(table);
        Path out = Path.of("target", "federated-fashion.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** 10 clients, all of them every round, MLP 784-256-128-10, batch 64, Adam 1e-3, 30 rounds. */
    private static final Protocol FEW = new Protocol(10, 1.0, 30, new int[] {256, 128}, 64, Optimizer.adam(1e-3), 1.0);
    /** 1,000 IID clients of 55 rows, 10% of them a round, MLP 784-64-10, batch 16, SGD 0.1, 100 rounds, clip 0.5. */
    private static final Protocol MANY = new Protocol(1000, 0.1, 100, new int[] {64}, 16, Optimizer.sgd(0.1), 0.5);

    /** How a federation is set up. */
    private record Protocol(int clients, double fraction, int rounds, int[] hidden, int batch, Optimizer optimizer, double clip) {
        String model() {
            return "MLP 784-" + java.util.Arrays.stream(hidden).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("-"))
                    + "-10, batch " + batch + ", " + optimizer;
        }
    }

    @Test
    void iidClientsReach085() {
        assertThat(run(FEW, false, 0)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void labelSkewedClientsReach085() {
        assertThat(run(FEW, true, 0)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void differentialPrivacyWithTenClientsCostsAccuracyAtALargeEpsilon() {
        assertThat(run(FEW, true, 0.2)).isGreaterThan(0.7);
        assertThat(run(FEW, true, 1.0)).isGreaterThan(0.1);
    }

    @Test
    void withAThousandClientsPrivacyAtSingleDigitEpsilonKeepsAccuracy() {
        double plain = run(MANY, false, 0);
        double privateAccuracy = run(MANY, false, 1.0);
        assertThat(plain).isGreaterThan(0.75);
        assertThat(privateAccuracy).isGreaterThan(plain - 0.03);
        assertThat(RdpAccountant.epsilon(MANY.fraction(), 1.0, MANY.rounds(), 1e-5)).isLessThan(10);
    }

    /** Runs one federation and returns its test accuracy, adding a row to the table; noise 0 turns privacy off. */
    private static double run(Protocol p, boolean skewed, double noise) {
        Partitioner.Builder pb = train.partition(p.clients()).seed(1);
        List<Dataset> own = (skewed ? pb.labelSkew("label", 0.5).minRows(100) : pb.iid()).build().all();
        List<FederatedClient> clients = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            clients.add(FederatedClient.local("client-" + i, own.get(i)));
        }
        String who = String.format(Locale.ROOT, "%,d, %s, %s a round", p.clients(), skewed ? "label skew (Dirichlet 0.5)" : "IID",
                p.fraction() == 1 ? "all" : Math.round(p.fraction() * 100) + "%");
        DifferentialPrivacy privacy = noise > 0 ? DifferentialPrivacy.gaussian(p.clip(), noise) : null;
        NeuralNetwork model = NeuralNetwork.mlp().hidden(p.hidden()).build();
        FederatedAveraging.Builder b = FederatedAveraging.builder().rounds(p.rounds()).clientFraction(p.fraction()).localEpochs(1)
                .batchSize(p.batch()).optimizer(p.optimizer()).validation(validation).seed(3)
                .listener(r -> System.out.printf(Locale.ROOT, "%s %s round %d: %d clients, loss %.4f, validation %.4f%s, %.1f s%n", who,
                        privacy == null ? "" : privacy, r.round(), r.clients().size(), r.meanLoss(), r.validation().get("accuracy"),
                        r.epsilon().isPresent() ? String.format(Locale.ROOT, ", epsilon %.1f", r.epsilon().getAsDouble()) : "", r.seconds()));
        if (privacy != null) {
            b.privacy(privacy);
        }
        FederatedHistory h;
        try {
            h = b.build().fit(model, clients);
        } finally {
            own.forEach(Dataset::close);
        }
        double accuracy = Evaluator.classification().withoutCurves().evaluate(model, test).metrics().get("accuracy");
        double seconds = h.rounds().stream().mapToDouble(RoundRecord::seconds).sorted().skip(p.rounds() / 2).findFirst().orElseThrow();
        if (privacy != null) {
            assertThat(h.last().epsilon()).hasValueCloseTo(RdpAccountant.epsilon(p.fraction(), noise, p.rounds(), 1e-5),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        ROWS.add(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.4f / %.4f | %.4f | %.2f |", who, p.model(), p.rounds(),
                privacy == null ? "none" : String.format(Locale.ROOT, "clip %.1f, noise multiplier %.1f", p.clip(), noise),
                h.last().epsilon().isPresent() ? String.format(Locale.ROOT, "%.1f", h.last().epsilon().getAsDouble()) : "-",
                h.rounds().get(9).validation().get("accuracy"), h.last().validation().get("accuracy"), accuracy, seconds));
        return accuracy;
    }
}
