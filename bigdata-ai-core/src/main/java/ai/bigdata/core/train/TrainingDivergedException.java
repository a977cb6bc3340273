package ai.bigdata.core.train;

import java.nio.file.Path;

/** The loss became NaN or infinite; the message names the epoch and batch and the last good checkpoint. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long batch;
    private final transient Path lastCheckpoint;

    TrainingDivergedException(int epoch, long batch, double loss, Path lastCheckpoint) {
        super("training diverged: loss " + loss + " at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + (lastCheckpoint == null ? " (no checkpoint was written)" : "; the last good checkpoint is " + lastCheckpoint)
                + "; lower the learning rate, clip gradients or check the inputs for extreme values");
        this.epoch = epoch;
        this.batch = batch;
        this.lastCheckpoint = lastCheckpoint;
    }

    /** The epoch (1-based) in which the loss diverged. */
    public int epoch() {
        return epoch + 1;
    }

    /** The batch (1-based, within the epoch) at which the loss diverged. */
    public long batch() {
        return batch + 1;
    }

    /** The last checkpoint written before divergence, or null. */
    public Path lastCheckpoint() {
        return lastCheckpoint;
    }
}
