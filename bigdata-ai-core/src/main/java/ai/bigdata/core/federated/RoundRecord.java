package ai.bigdata.core.federated;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One federated round as the server saw it.
 *
 * @param round 1-based
 * @param clients the names of the clients that took part
 * @param meanLoss the participants' last local training loss, averaged (NaN when no client took part)
 * @param epsilon the privacy spent so far at the federation's delta, when differential privacy is on
 * @param validation the server's validation metrics after the round (empty without validation data)
 * @param seconds wall time of the round
 */
public record RoundRecord(int round, List<String> clients, double meanLoss, OptionalDouble epsilon,
        Map<String, Double> validation, double seconds) {
    /** Copies the lists. */
    public RoundRecord {
        clients = List.copyOf(clients);
        validation = Map.copyOf(validation);
    }
}
