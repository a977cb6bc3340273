package ai.bigdata.spark;

import java.io.Serializable;

/**
 * How much a partition trains in one round: its batch size and seed, and either a number of passes over
 * its rows ({@code localEpochs}) or a fixed number of mini-batch steps ({@code localSteps}, when above 0).
 *
 * @param batchSize rows per mini-batch
 * @param seed the trainer's seed
 * @param localEpochs passes over the partition's rows per round (used when {@code localSteps} is 0)
 * @param localSteps mini-batch steps per round, or 0 to train by epochs
 */
record RoundPlan(int batchSize, long seed, int localEpochs, long localSteps) implements Serializable {
    /** Mini-batches in one pass over {@code rows} rows. */
    long batchesPerEpoch(long rows) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Steps a partition of {@code rows} rows takes in a round. */
    long stepsFor(long rows) {
        return localSteps > 0 ? localSteps : localEpochs * batchesPerEpoch(rows);
    }

    /** Shuffled epochs a round may draw from (each round starts a fresh one, so rounds see new orders). */
    int epochsPerRound(long rows) {
        return Math.toIntExact(localSteps > 0 ? (localSteps + batchesPerEpoch(rows) - 1) / batchesPerEpoch(rows) : localEpochs);
    }
}
