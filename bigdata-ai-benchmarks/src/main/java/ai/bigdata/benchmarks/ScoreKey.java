package ai.bigdata.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A score's name split into its parts: {@code Class.method}, the parameters and an optional statistic,
 * as in {@code InferenceBenchmark.cnnSingleImage[threads=1]:p50} or {@code peer.torch.mlp.inferBatch[threads=2]}.
 */
record ScoreKey(String name, Map<String, String> params, String statistic) {
    static ScoreKey parse(String key) {
        String stat = "";
        int colon = key.lastIndexOf(':');
        if (colon > key.lastIndexOf(']')) {
            stat = key.substring(colon + 1);
            key = key.substring(0, colon);
        }
        Map<String, String> params = new LinkedHashMap<>();
        String name = key;
        int open = key.indexOf('[');
        if (open >= 0 && key.endsWith("]")) {
            name = key.substring(0, open);
            for (String kv : key.substring(open + 1, key.length() - 1).split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return new ScoreKey(name, params, stat);
    }

    /** True when this key has the pattern's name and statistic and every parameter the pattern fixes. */
    boolean matches(ScoreKey pattern) {
        if (!name.equals(pattern.name) || !statistic.equals(pattern.statistic)) {
            return false;
        }
        for (Map.Entry<String, String> e : pattern.params.entrySet()) {
            if (!e.getValue().equals(params.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when every parameter both keys have holds the same value (thread counts, sizes), except those
     * the baseline pattern fixes itself (a row comparing {@code helpers=on} with {@code helpers=off}).
     */
    boolean agreesWith(ScoreKey other, ScoreKey pattern) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = other.params.get(e.getKey());
            if (v != null && !pattern.params.containsKey(e.getKey()) && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The parameters this key has beyond those the pattern fixes, as {@code [k=v,...]} (empty if none). */
    String freeParams(ScoreKey pattern) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!pattern.params.containsKey(e.getKey())) {
                sb.append(sb.length() == 0 ? "[" : ",").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.length() == 0 ? "" : sb.append(']').toString();
    }

    /** Whether the score is a time in ms (a mean, a percentile or a paired median) rather than a reported figure (":rmse"). */
    boolean isTime() {
        return statistic.isEmpty() || statistic.equals("p50") || statistic.equals("p99") || statistic.equals("paired");
    }

    /** The benchmark class's simple name ({@code InferenceBenchmark}), or the peer's name for a peer. */
    String benchmarkClass() {
        int dot = name.indexOf('.');
        return name.startsWith("peer.") || dot < 0 ? name : name.substring(0, dot);
    }
}
