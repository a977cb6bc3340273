package ai.bigdata.core.train;

/** Hears what a training run does; every method has an empty default. Called on the training thread. */
public interface TrainingListener {
    /** Training starts (or resumes) at {@code epoch} (0-based) of {@code epochs}. */
    default void onStart(int epoch, int epochs, long batchesPerEpoch) {
    }

    /** One batch was trained. */
    default void onBatch(BatchEvent event) {
    }

    /** One epoch ended (validation included). */
    default void onEpoch(EpochRecord record, int epochs) {
    }

    /**
     * Something looks wrong but training goes on, for example features far outside the range a network
     * trains well on; the same message is kept in {@link TrainingHistory#warnings()} and logged.
     */
    default void onWarning(String message) {
    }

    /** Training ended normally (not called when it fails). */
    default void onEnd(TrainingHistory history) {
    }

    /**
     * A trained batch.
     *
     * @param epoch 0-based epoch
     * @param batch 0-based batch within the epoch
     * @param batchesPerEpoch batches in one epoch
     * @param rows rows in this batch
     * @param loss the batch's loss
     */
    record BatchEvent(int epoch, long batch, long batchesPerEpoch, int rows, double loss) {
    }
}
