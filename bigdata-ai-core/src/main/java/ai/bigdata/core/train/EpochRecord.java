package ai.bigdata.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch gave.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches (regularisation included)
 * @param validation validation metrics by name (empty without validation data)
 * @param learningRate the learning rate at the end of the epoch
 * @param seconds wall time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainLoss, Map<String, Double> validation, double learningRate, double seconds) {
    /** Copies the metrics. */
    public EpochRecord {
        validation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("trainLoss", trainLoss);
        m.put("validation", validation);
        m.put("learningRate", learningRate);
        m.put("seconds", seconds);
        return m;
    }

    @SuppressWarnings("unchecked")
    static EpochRecord fromMap(Map<String, Object> m) {
        Map<String, Double> v = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("validation")).forEach((k, x) -> v.put(k, x == null ? Double.NaN : ((Number) x).doubleValue()));
        return new EpochRecord(((Number) m.get("epoch")).intValue(), ((Number) m.get("trainLoss")).doubleValue(), v,
                ((Number) m.get("learningRate")).doubleValue(), ((Number) m.get("seconds")).doubleValue());
    }
}
