package ai.bigdata.core.train;

import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.Network;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A training run whose epochs are computed outside {@link Trainer#fit}, for example the rounds of a
 * distributed trainer: the caller trains each epoch its own way and reports it here, and the run applies the
 * {@link Trainer}'s listeners, early stopping (with the best epoch's parameters restored at the end when it
 * says so) and checkpoints to it exactly as {@code Trainer.fit} does at its epoch ends, and builds the same
 * {@link TrainingHistory}.
 *
 * <p>Checkpoints are written only at epoch ends, when the trainer's {@link Checkpoints} would write one there
 * (every N epochs, after the last or a stopping epoch, or when its batch count or time has passed); they hold
 * the network with its optimiser state, the history and the early-stopping state, plus the run's
 * {@code origin}: a description of everything else the caller's epochs depend on. {@link #resume} accepts
 * only a checkpoint of the same origin, and {@code Trainer.resume} refuses checkpoints that have one.
 * Listeners hear {@code onStart}, {@code onEpoch}, {@code onWarning} and {@code onEnd}; {@code onBatch}
 * belongs to the caller's batches and is not called.
 */
public final class TrainingRun {
    private final TrainingState state;
    private final boolean validated;
    private final RunRecorder recorder;

    private TrainingRun(Trainer trainer, Network model, TrainingState state, boolean validated, Path resumedFrom) {
        this.validated = validated;
        this.state = state;
        this.recorder = trainer.recorder(model, state, resumedFrom);
    }

    /**
     * Starts a run of {@code trainer} on {@code model}, which the caller has initialised (for example with
     * {@link Trainer#initialise}); the listeners hear {@code onStart}.
     *
     * @param batchesPerEpoch the batches of one epoch, for {@link TrainingListener#onStart}
     * @param origin who runs the epochs and what they depend on besides the seed and batch size (kept in checkpoints)
     * @param validated whether each epoch will report validation metrics
     * @throws IllegalArgumentException when the trainer stops early but no epoch will be validated
     */
    public static TrainingRun start(Trainer trainer, Network model, long batchesPerEpoch, String origin, boolean validated) {
        Objects.requireNonNull(origin, "origin");
        requireValidation(trainer, validated);
        TrainingState state = new TrainingState();
        state.seed = trainer.seed();
        state.batchSize = trainer.batchSize();
        state.origin = origin;
        TrainingRun run = new TrainingRun(trainer, Objects.requireNonNull(model, "model"), state, validated, null);
        run.recorder.start(batchesPerEpoch);
        return run;
    }

    /**
     * Continues the run saved in {@code checkpoint}: the network, its optimiser state and counters are restored
     * into {@code model} (a fresh network of the same kind), and the history and early-stopping state into the
     * run, which goes on at the epoch after the checkpoint's.
     *
     * @param train the schema of the training rows (the checkpoint's features must be in it)
     * @param batchesPerEpoch the batches of one epoch, for {@link TrainingListener#onStart}
     * @param origin must equal the origin the checkpoint was written with
     * @param validated whether each epoch will report validation metrics
     * @throws IllegalArgumentException when the checkpoint is damaged, holds another kind of network, has another
     *     origin, seed or batch size, or the trainer stops early and no epoch will be validated
     * @throws ai.bigdata.core.model.SchemaMismatchException when the checkpoint's network was built for other features
     */
    public static TrainingRun resume(Trainer trainer, Path checkpoint, Network model, Schema train, long batchesPerEpoch,
            String origin, boolean validated) {
        Objects.requireNonNull(origin, "origin");
        requireValidation(trainer, validated);
        CheckpointFile.Contents c = trainer.opened(checkpoint, model, train, origin);
        model.restore(c.network());
        TrainingRun run = new TrainingRun(trainer, model, c.state(), validated, checkpoint);
        run.recorder.start(batchesPerEpoch);
        return run;
    }

    private static void requireValidation(Trainer trainer, boolean validated) {
        if (trainer.stopsEarly() && !validated) {
            throw new IllegalArgumentException("the trainer's earlyStopping watches validation metrics, but no validation data was given");
        }
    }

    /** Epochs completed so far: the 0-based number of the epoch to train next. */
    public int epoch() {
        return state.epoch;
    }

    /** Whether the run is over: all the trainer's epochs done, or early stopping ended it. */
    public boolean done() {
        return recorder.done();
    }

    /** Something looks wrong but training goes on: kept in the history, logged and given to the listeners. */
    public void warn(String message) {
        recorder.warn(java.util.List.of(Objects.requireNonNull(message, "message")));
    }

    /**
     * Records the epoch just trained (the model holds its parameters), applies early stopping, tells the
     * listeners and writes a checkpoint when one is due.
     *
     * @param trainLoss the epoch's mean training loss
     * @param batches the optimiser steps the epoch took (they number the checkpoint files)
     * @param validation the validation metrics after the epoch (empty without validation data)
     * @param seconds wall time of the epoch, validation included
     * @return the epoch's record
     * @throws IllegalStateException when the run is over
     * @throws IllegalArgumentException when early stopping watches a metric {@code validation} lacks, or
     *     {@code batches} is negative
     * @throws TrainingDivergedException when {@code trainLoss} is NaN or infinite (naming the epoch, its last
     *     batch and the last checkpoint), as {@code Trainer.fit} does
     */
    public EpochRecord endEpoch(double trainLoss, long batches, Map<String, Double> validation, double seconds) {
        if (done()) {
            throw new IllegalStateException("the run is over after " + state.epoch + " epochs");
        }
        if (batches < 0) {
            throw new IllegalArgumentException("an epoch takes 0 or more batches, got " + batches);
        }
        if (!Double.isFinite(trainLoss)) {
            throw new TrainingDivergedException(state.epoch, Math.max(0, batches - 1), trainLoss, recorder.lastCheckpoint());
        }
        Objects.requireNonNull(validation, "validation (empty without validation data)");
        state.totalBatches += batches;
        return recorder.endEpoch(trainLoss, validation, validated, seconds);
    }

    /** The checkpoint written last (or resumed from), if any. */
    public Optional<Path> lastCheckpoint() {
        return Optional.ofNullable(recorder.lastCheckpoint());
    }

    /**
     * Ends the run: restores the best epoch's parameters into the model when early stopping says so, and gives
     * the history to the listeners' {@code onEnd}.
     */
    public TrainingHistory finish() {
        return recorder.finish();
    }
}
