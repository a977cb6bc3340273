package ai.bigdata.spark;

import ai.bigdata.core.train.TrainingHistory;
import java.util.List;

/**
 * What a {@link SparkTrainer} run gave: the rounds it trained and core's history of the whole run.
 *
 * @param rounds one record per round trained by this call (a resumed run's earlier rounds are not among them)
 * @param history core's per-epoch history of the whole run, one epoch per round (earlier rounds of a resumed run
 *     included): mean training loss, validation metrics, learning rate, seconds, the best round and whether early
 *     stopping ended the run, and the warnings
 */
public record SparkTraining(List<SparkRound> rounds, TrainingHistory history) {
    /** Copies the rounds. */
    public SparkTraining {
        rounds = List.copyOf(rounds);
        java.util.Objects.requireNonNull(history, "history");
    }
}
