package ai.bigdata.core.federated;

import java.util.List;

/** Every round of a federated run, in order. */
public final class FederatedHistory {
    private final List<RoundRecord> rounds;

    FederatedHistory(List<RoundRecord> rounds) {
        this.rounds = List.copyOf(rounds);
    }

    /** The rounds, first to last. */
    public List<RoundRecord> rounds() {
        return rounds;
    }

    /** The last round. */
    public RoundRecord last() {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no round was run");
        }
        return rounds.get(rounds.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (RoundRecord r : rounds) {
            s.append("round ").append(r.round()).append(": ").append(r.clients().size()).append(" clients, loss ")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", r.meanLoss()));
            r.epsilon().ifPresent(e -> s.append(String.format(java.util.Locale.ROOT, ", epsilon %.3f", e)));
            if (!r.validation().isEmpty()) {
                s.append(", validation ").append(new java.util.TreeMap<>(r.validation()));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
