/**
 * Training: the {@link ai.bigdata.core.train.Trainer} with optimisers, learning-rate schedules, early
 * stopping, atomic checkpoints with exact resume, listeners with a console progress bar, and the
 * per-epoch {@link ai.bigdata.core.train.TrainingHistory}.
 */
package ai.bigdata.core.train;
