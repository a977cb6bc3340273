package ai.bigdata.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A change applied to each training batch's features before the training step, such as image
 * augmentation ({@code Trainer.builder().batchTransform(...)}). It receives the epoch and the batch's
 * position in the epoch, so a seeded transform gives the same batch the same change on every run,
 * including a run resumed from a checkpoint (which skips to the same positions). It must return a new
 * array of the same shape and must not change its input, which may be a view of the dataset's memory.
 * Validation and evaluation data are not transformed.
 *
 * <p>The trainer calls it on a background thread of its own, one batch ahead: while batch {@code b}
 * trains, batch {@code b + 1} is transformed, on a copy of the batch. So a transform must depend only on
 * its arguments and its own seeded state; ND4J's random generator on that thread is seeded from the
 * trainer's seed, the epoch and the batch before each call, so drawing from it is repeatable too (but
 * is not the training thread's stream). What it throws reaches the caller of {@code fit} unchanged.
 */
@FunctionalInterface
public interface BatchTransform {
    /** The features to train on instead of {@code features} (batch {@code batchInEpoch} of epoch {@code epoch}, both from 0). */
    INDArray apply(INDArray features, int epoch, long batchInEpoch);
}
