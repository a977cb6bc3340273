package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small translation task, generated deterministically: reverse a sequence of 2 to {@link #TIME} ids
 * drawn from 1 to {@link #IDS} - 1. The source is the tensor column {@code source}, the label the tensor
 * column {@code target}, both shaped {@code [TIME]} and padded with 0.
 */
public final class Reversals {
    /** Positions per sequence. */
    public static final int TIME = 5;
    /** The vocabulary size of source and target: ids 0 (padding) to 6. */
    public static final int IDS = 7;
    /** The schema: {@code source} and the label {@code target}. */
    public static final Schema SCHEMA = Schema.of(Column.tensor("source", TIME), Column.tensor("target", TIME).withRole(ColumnRole.LABEL));

    private Reversals() {
    }

    /** {@code n} raw rows: each a {@code source} and its reversal as {@code target}. */
    public static List<Map<String, Object>> rows(int n, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 2 + rnd.nextInt(TIME - 1);
            float[] src = new float[TIME];
            float[] tgt = new float[TIME];
            for (int t = 0; t < length; t++) {
                src[t] = 1 + rnd.nextInt(IDS - 1);
            }
            for (int t = 0; t < length; t++) {
                tgt[t] = src[length - 1 - t];
            }
            rows.add(Map.of("source", src, "target", tgt));
        }
        return rows;
    }

    /** {@code n} rows as a dataset. */
    public static Dataset dataset(int n, long seed) {
        Dataset.RowsBuilder b = Dataset.builder(SCHEMA);
        for (Map<String, Object> r : rows(n, seed)) {
            b.add(r.get("source"), r.get("target"));
        }
        return b.build();
    }
}
