package ai.bigdata.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loss and validation metrics per epoch of one training run, and how the run ended. */
public final class TrainingHistory {
    private static final java.util.Set<String> CHARTED = java.util.Set.of("loss", "accuracy", "f1_macro", "rmse", "r2");

    private final List<EpochRecord> epochs;
    private final int bestEpoch;
    private final boolean stoppedEarly;
    private final List<String> warnings;

    TrainingHistory(List<EpochRecord> epochs, int bestEpoch, boolean stoppedEarly, List<String> warnings) {
        this.epochs = List.copyOf(epochs);
        this.bestEpoch = bestEpoch;
        this.stoppedEarly = stoppedEarly;
        this.warnings = List.copyOf(warnings);
    }

    /** One record per completed epoch, in order. */
    public List<EpochRecord> epochs() {
        return epochs;
    }

    /** The last epoch's record. */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch completed");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The 1-based epoch with the best monitored validation metric (early stopping), or the last epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Whether early stopping ended the run before the configured number of epochs. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * What looked wrong during the run, in order (also given to {@link TrainingListener#onWarning} and
     * logged), for example features far outside the range a network trains well on; empty when nothing did.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Series per name for charts: "train loss", then the validation loss and headline metrics. */
    public Map<String, double[]> curves() {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("train loss", epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray());
        if (!epochs.isEmpty()) {
            for (String k : epochs.get(0).validation().keySet()) {
                if (!CHARTED.contains(k)) {
                    continue;
                }
                c.put("validation " + k, epochs.stream().mapToDouble(e -> e.validation().getOrDefault(k, Double.NaN)).toArray());
            }
        }
        return c;
    }

    /** Plain maps and lists, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        epochs.forEach(e -> list.add(e.toMap()));
        m.put("epochs", list);
        m.put("bestEpoch", bestEpoch);
        m.put("stoppedEarly", stoppedEarly);
        m.put("warnings", warnings);
        return m;
    }

    @SuppressWarnings("unchecked")
    static TrainingHistory fromMap(Map<String, Object> m) {
        List<EpochRecord> list = new ArrayList<>();
        ((List<Map<String, Object>>) m.get("epochs")).forEach(e -> list.add(EpochRecord.fromMap(e)));
        List<String> warnings = m.get("warnings") == null ? List.of() : (List<String>) m.get("warnings");
        return new TrainingHistory(list, ((Number) m.get("bestEpoch")).intValue(), (Boolean) m.get("stoppedEarly"), warnings);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (EpochRecord e : epochs) {
            s.append(String.format(Locale.ROOT, "epoch %3d  train loss %.4f", e.epoch(), e.trainLoss()));
            e.validation().forEach((k, v) -> s.append(String.format(Locale.ROOT, "  val %s %.4f", k, v)));
            s.append(String.format(Locale.ROOT, "  lr %.2e  %.1fs%n", e.learningRate(), e.seconds()));
        }
        for (String w : warnings) {
            s.append("warning: ").append(w).append(System.lineSeparator());
        }
        if (stoppedEarly) {
            s.append("stopped early; best epoch ").append(bestEpoch).append(System.lineSeparator());
        }
        return s.toString();
    }
}
