package ai.bigdata.core.train;

import ai.bigdata.core.model.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one training run, the same whoever computes its batches ({@link Trainer#fit} or a
 * {@link TrainingRun}): it records batch losses (a NaN or infinite one is a {@link TrainingDivergedException}),
 * closes epochs with their validation metrics and early stopping, writes the checkpoints that come due,
 * keeps warnings, tells the listeners, and at the end restores the best epoch's parameters when early
 * stopping says so.
 */
final class RunRecorder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Trainer.class);

    private final int epochs;
    private final EarlyStopping earlyStopping;
    private final Checkpoints checkpoints;
    private final List<TrainingListener> listeners;
    private final Network model;
    private final TrainingState state;
    private Path lastCheckpoint;
    private long lastCheckpointNanos = System.nanoTime();
    private long checkpointedBatches;

    /** A recorder of {@code state}, the run of {@code model}, resumed from {@code resumedFrom} (null for a new run). */
    RunRecorder(int epochs, EarlyStopping earlyStopping, Checkpoints checkpoints, List<TrainingListener> listeners, Network model,
            TrainingState state, Path resumedFrom) {
        this.epochs = epochs;
        this.earlyStopping = earlyStopping;
        this.checkpoints = checkpoints;
        this.listeners = listeners;
        this.model = model;
        this.state = state;
        this.lastCheckpoint = resumedFrom;
        this.checkpointedBatches = state.totalBatches;
    }

    /** Tells the listeners that the run starts (or resumes) at the state's epoch. */
    void start(long perEpoch) {
        listeners.forEach(l -> l.onStart(state.epoch, epochs, perEpoch));
    }

    /** Whether the run is over: every epoch done, or early stopping ended it. */
    boolean done() {
        return state.epoch >= epochs || state.stoppedEarly;
    }

    /** Keeps, logs and tells each message. */
    void warn(List<String> messages) {
        for (String m : messages) {
            LOG.warn("{}", m);
            state.warnings.add(m);
            listeners.forEach(l -> l.onWarning(m));
        }
    }

    /** Records the loss of batch {@code b} (of {@code perEpoch}) over {@code rows} rows. */
    void batch(long b, long perEpoch, int rows, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(state.epoch, b, loss, lastCheckpoint);
        }
        state.lossSum += loss * rows;
        state.lossRows += rows;
        state.totalBatches++;
        TrainingListener.BatchEvent event = new TrainingListener.BatchEvent(state.epoch, b, perEpoch, rows, loss);
        for (TrainingListener l : listeners) {
            l.onBatch(event);
        }
    }

    /** Whether a checkpoint is due inside an epoch, by the batches and the time since the last one. */
    boolean checkpointDueInEpoch() {
        return checkpoints != null && checkpoints.dueAfterBatch(state.totalBatches - checkpointedBatches,
                System.nanoTime() - lastCheckpointNanos);
    }

    /**
     * Records the epoch that just ended with its mean training loss and validation metrics, applies early
     * stopping, moves the state to the next epoch, tells the listeners and writes a checkpoint when one is due.
     */
    EpochRecord endEpoch(double trainLoss, Map<String, Double> metrics, boolean validated, double seconds) {
        double lr = model.learningRate();
        EpochRecord record = new EpochRecord(state.epoch + 1, trainLoss, metrics, lr, seconds);
        state.history.add(record);
        if (earlyStopping != null) {
            watch(metrics, validated);
        }
        state.epoch++;
        state.batchInEpoch = 0;
        state.lossSum = 0;
        state.lossRows = 0;
        state.epochSeconds = 0;
        for (TrainingListener l : listeners) {
            l.onEpoch(record, epochs);
        }
        if (checkpoints != null && (checkpoints.dueAfterEpoch(state.epoch) || done() || checkpointDueInEpoch())) {
            checkpoint();
        }
        return record;
    }

    /** Applies early stopping to the epoch's metrics: a new best is kept, too many epochs without one stop the run. */
    private void watch(Map<String, Double> metrics, boolean validated) {
        Double value = metrics.get(earlyStopping.metric());
        if (value == null) {
            throw new IllegalArgumentException("early stopping watches validation '" + earlyStopping.metric() + "' but "
                    + (!validated ? "no validation data was given" : "the validation metrics are " + metrics.keySet()));
        }
        if (earlyStopping.improves(value, state.bestValue)) {
            state.bestValue = value;
            state.bestEpoch = state.epoch + 1;
            state.badEpochs = 0;
            if (earlyStopping.restoresBest()) {
                state.bestParams = model.parameters().dup();
            }
        } else if (++state.badEpochs >= earlyStopping.patience()) {
            state.stoppedEarly = true;
        }
    }

    /** Writes a checkpoint of the model and the state now (the trainer must have checkpoints). */
    void checkpoint() {
        Path file = checkpoints.fileFor(state.totalBatches);
        CheckpointFile.write(file, model, state);
        checkpoints.prune();
        lastCheckpoint = file;
        lastCheckpointNanos = System.nanoTime();
        checkpointedBatches = state.totalBatches;
    }

    /** The checkpoint written last (or resumed from), or null. */
    Path lastCheckpoint() {
        return lastCheckpoint;
    }

    /** Ends the run: the best epoch's parameters restored when early stopping says so, the history made and heard. */
    TrainingHistory finish() {
        if (earlyStopping != null && earlyStopping.restoresBest() && state.bestParams != null) {
            model.setParameters(state.bestParams);
        }
        TrainingHistory history = new TrainingHistory(state.history, state.bestEpoch == 0 ? state.history.size() : state.bestEpoch,
                state.stoppedEarly, state.warnings);
        listeners.forEach(l -> l.onEnd(history));
        return history;
    }
}
