package ai.bigdata.core.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class FederatedAveragingTest {

    private static FederatedAveraging.Builder base() {
        return FederatedAveraging.builder().rounds(3).localEpochs(1).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(5);
    }

    private static float[] train(FederatedAveraging fed, FederatedFixtures f) {
        NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
        fed.fit(model, f.localClients());
        return model.parameters().dup().data().asFloat();
    }

    private static double accuracy(NeuralNetwork model, Dataset test) {
        return Evaluator.classification().withoutCurves().evaluate(model, test).metrics().get("accuracy");
    }

    @Test
    void learnsFromSkewedClientsAndReportsEveryRound() {
        try (FederatedFixtures f = new FederatedFixtures(4, true)) {
            NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
            List<RoundRecord> heard = new ArrayList<>();
            FederatedHistory h = base().rounds(12).localEpochs(2).validation(f.split.test()).listener(heard::add).build()
                    .fit(model, f.localClients());
            assertThat(h.rounds()).hasSize(12).isEqualTo(heard);
            assertThat(h.last().clients()).containsExactly("client-0", "client-1", "client-2", "client-3");
            assertThat(h.last().epsilon()).isEmpty();
            double first = h.rounds().get(0).validation().get("accuracy");
            double last = h.last().validation().get("accuracy");
            assertThat(last).isGreaterThan(first).isGreaterThan(0.75);
            assertThat(accuracy(model, f.split.test())).isEqualTo(last);
            assertThat(h.last().meanLoss()).isLessThan(h.rounds().get(0).meanLoss());
        }
    }

    @Test
    void sameSeedSameModelAndParallelClientsChangeNothing() {
        try (FederatedFixtures f = new FederatedFixtures(3, false)) {
            float[] a = train(base().build(), f);
            float[] b = train(base().build(), f);
            float[] parallel = train(base().parallelism(3).build(), f);
            float[] other = train(base().seed(6).build(), f);
            assertThat(b).isEqualTo(a);
            assertThat(parallel).isEqualTo(a);
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void secureAggregationGivesThePlainAverage() {
        try (FederatedFixtures f = new FederatedFixtures(4, true)) {
            float[] plain = train(base().build(), f);
            float[] secure = train(base().secureAggregation(true).build(), f);
            assertThat(secure).isNotEqualTo(new float[plain.length]);
            for (int i = 0; i < plain.length; i++) {
                assertThat((double) secure[i]).as("parameter %d", i).isCloseTo(plain[i], org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void clientFractionSamplesThatManyClientsPerRound() {
        try (FederatedFixtures f = new FederatedFixtures(4, false)) {
            FederatedHistory h = base().rounds(4).clientFraction(0.5).build().fit(NeuralNetwork.mlp().hidden(8).build(), f.localClients());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RoundRecord r : h.rounds()) {
                assertThat(r.clients()).hasSize(2);
                seen.addAll(r.clients());
            }
            assertThat(seen.size()).isGreaterThan(2);
        }
    }

    @Test
    void fedProxKeepsLocalModelsNearTheGlobalOne() {
        try (FederatedFixtures f = new FederatedFixtures(3, true)) {
            NeuralNetwork start = NeuralNetwork.mlp().hidden(16).build();
            base().rounds(1).build().fit(start, f.localClients());
            float[] s = start.parameters().dup().data().asFloat();
            double free = movement(s, train(base().rounds(2).build(), f));
            double pulled = movement(s, train(base().rounds(2).proximal(50).build(), f));
            assertThat(pulled).isLessThan(free);
        }
    }

    private static double movement(float[] a, float[] b) {
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            sq += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sq);
    }

    @Test
    void privacyReportsTheAccountantsEpsilonEveryRound() {
        try (FederatedFixtures f = new FederatedFixtures(4, false)) {
            DifferentialPrivacy dp = DifferentialPrivacy.gaussian(0.5, 1.2).delta(1e-4);
            FederatedHistory h = base().rounds(3).clientFraction(0.5).privacy(dp).build()
                    .fit(NeuralNetwork.mlp().hidden(8).build(), f.localClients());
            for (RoundRecord r : h.rounds()) {
                assertThat(r.epsilon()).hasValueCloseTo(RdpAccountant.epsilon(0.5, 1.2, r.round(), 1e-4),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
            assertThat(h.rounds().get(2).epsilon().getAsDouble()).isGreaterThan(h.rounds().get(0).epsilon().getAsDouble());
        }
    }

    @Test
    void clientsOnOtherColumnsAreRefusedByName() {
        try (FederatedFixtures f = new FederatedFixtures(2, false); Dataset fewer = f.parts.get(1).drop("oleic")) {
            List<FederatedClient> clients = List.of(FederatedClient.local("a", f.parts.get(0)), FederatedClient.local("b", fewer));
            assertThatThrownBy(() -> base().build().fit(NeuralNetwork.mlp().hidden(4).build(), clients))
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("client 'b'").hasMessageContaining("client 'a'");
            List<FederatedClient> twins = List.of(FederatedClient.local("a", f.parts.get(0)), FederatedClient.local("a", f.parts.get(1)));
            assertThatThrownBy(() -> base().build().fit(NeuralNetwork.mlp().hidden(4).build(), twins)).hasMessageContaining("named 'a'");
        }
    }

    @Test
    void hostileSettingsAreRefused() {
        assertThatThrownBy(() -> FederatedAveraging.builder().rounds(0)).hasMessageContaining("rounds");
        assertThatThrownBy(() -> FederatedAveraging.builder().clientFraction(0)).hasMessageContaining("clientFraction");
        assertThatThrownBy(() -> FederatedAveraging.builder().clientFraction(Double.NaN)).hasMessageContaining("clientFraction");
        assertThatThrownBy(() -> FederatedAveraging.builder().proximal(-1)).hasMessageContaining("mu");
        assertThatThrownBy(() -> DifferentialPrivacy.gaussian(0, 1)).hasMessageContaining("clipNorm");
        assertThatThrownBy(() -> DifferentialPrivacy.gaussian(1, Double.POSITIVE_INFINITY)).hasMessageContaining("noiseMultiplier");
        assertThatThrownBy(() -> DifferentialPrivacy.gaussian(1, 1).delta(1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> FederatedAveraging.builder().build().fit(NeuralNetwork.mlp().build(), List.of()))
                .hasMessageContaining("at least one client");
        assertThatThrownBy(() -> FederatedClient.local(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
