package ai.bigdata.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where a training run stands: everything besides the network that a checkpoint must hold to resume exactly. */
final class TrainingState {
    long seed;
    int batchSize;
    /** 0-based epoch in progress. */
    int epoch;
    /** Batches done in the epoch in progress. */
    long batchInEpoch;
    /** Batches done since the start of the run. */
    long totalBatches;
    double lossSum;
    long lossRows;
    double epochSeconds;
    final List<EpochRecord> history = new ArrayList<>();
    /** Warnings given so far (kept with the history). */
    final List<String> warnings = new ArrayList<>();
    double bestValue = Double.NaN;
    int bestEpoch;
    int badEpochs;
    boolean stoppedEarly;
    INDArray bestParams;
    /**
     * Who ran the epochs when they ran outside {@link Trainer#fit} (a {@link TrainingRun}'s origin, naming
     * the distributed trainer and what its determinism depends on); null for the trainer's own runs.
     */
    String origin;

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("batchSize", batchSize);
        m.put("epoch", epoch);
        m.put("batchInEpoch", batchInEpoch);
        m.put("totalBatches", totalBatches);
        m.put("lossSum", lossSum);
        m.put("lossRows", lossRows);
        m.put("epochSeconds", epochSeconds);
        m.put("history", new TrainingHistory(history, bestEpoch, stoppedEarly, warnings).toMap());
        m.put("bestValue", Double.isNaN(bestValue) ? null : bestValue);
        m.put("bestEpoch", bestEpoch);
        m.put("badEpochs", badEpochs);
        m.put("stoppedEarly", stoppedEarly);
        if (origin != null) {
            // only written when set, so the trainer's own checkpoints stay as older libraries read them
            m.put("origin", origin);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static TrainingState fromMap(Map<String, Object> m) {
        TrainingState s = new TrainingState();
        s.seed = ((Number) m.get("seed")).longValue();
        s.batchSize = ((Number) m.get("batchSize")).intValue();
        s.epoch = ((Number) m.get("epoch")).intValue();
        s.batchInEpoch = ((Number) m.get("batchInEpoch")).longValue();
        s.totalBatches = ((Number) m.get("totalBatches")).longValue();
        s.lossSum = ((Number) m.get("lossSum")).doubleValue();
        s.lossRows = ((Number) m.get("lossRows")).longValue();
        s.epochSeconds = ((Number) m.get("epochSeconds")).doubleValue();
        TrainingHistory h = TrainingHistory.fromMap((Map<String, Object>) m.get("history"));
        s.history.addAll(h.epochs());
        s.warnings.addAll(h.warnings());
        s.bestValue = m.get("bestValue") == null ? Double.NaN : ((Number) m.get("bestValue")).doubleValue();
        s.bestEpoch = ((Number) m.get("bestEpoch")).intValue();
        s.badEpochs = ((Number) m.get("badEpochs")).intValue();
        // checkpoints written before "stoppedEarly" was stored carry it in their history
        s.stoppedEarly = m.containsKey("stoppedEarly") ? (Boolean) m.get("stoppedEarly") : h.stoppedEarly();
        s.origin = (String) m.get("origin");
        s.requireSane();
        return s;
    }

    /** Fails on counters no run can have written (a damaged or crafted checkpoint), before anything trains from them. */
    private void requireSane() {
        // a run records one history entry per finished epoch, and its best epoch is one of them
        if (batchSize < 1 || epoch < 0 || batchInEpoch < 0 || totalBatches < 0 || lossRows < 0 || badEpochs < 0
                || bestEpoch < 0 || bestEpoch > epoch || history.size() != epoch) {
            throw new IllegalArgumentException("its training state is impossible: batch size " + batchSize + ", epoch " + epoch
                    + ", batch " + batchInEpoch + " of it, " + totalBatches + " batches, " + history.size() + " epochs of history, best epoch "
                    + bestEpoch + ", " + badEpochs
                    + " epochs without improvement, loss over " + lossRows + " rows");
        }
    }
}
