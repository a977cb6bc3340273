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
 * A small learnable token-sequence task, generated deterministically: rows of token ids in a tensor
 * column {@code tokens} shaped {@code [time]} (ids 1 to {@link #VOCABULARY} - 1, then 0 padding to the
 * end; lengths 3 to time), labelled {@code yes} when most of the row's tokens are high ids (at least
 * {@link #HIGH}) and {@code no} otherwise. Each row draws its tokens from the high or the low half with
 * probability 0.75, so the label needs the whole (unpadded) sequence.
 */
public final class TokenSequences {
    /** The vocabulary size: ids 0 (padding) to 19. */
    public static final int VOCABULARY = 20;
    /** The first high id. */
    public static final int HIGH = 10;
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("no", "yes");

    private TokenSequences() {
    }

    /** The schema for sequences of {@code time} ids. */
    public static Schema schema(int time) {
        return Schema.of(Column.tensor("tokens", time), Column.categorical("label", ColumnRole.LABEL, CLASSES));
    }

    /** {@code n} raw rows (the {@code tokens} column only) of {@code time} ids. */
    public static List<Map<String, Object>> rows(int n, int time, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 3 + rnd.nextInt(time - 2);
            float[] ids = new float[time];
            boolean high = rnd.nextBoolean();
            for (int t = 0; t < length; t++) {
                boolean fromHigh = rnd.nextDouble() < 0.75 ? high : !high;
                ids[t] = fromHigh ? HIGH + rnd.nextInt(VOCABULARY - HIGH) : 1 + rnd.nextInt(HIGH - 1);
            }
            rows.add(Map.of("tokens", ids));
        }
        return rows;
    }

    /** The label of a row: whether more than half of its tokens are high ids (ties are no). */
    public static String label(float[] ids) {
        int high = 0;
        int tokens = 0;
        for (float id : ids) {
            if (id != 0) {
                tokens++;
                high += id >= HIGH ? 1 : 0;
            }
        }
        return 2 * high > tokens ? "yes" : "no";
    }

    /** {@code n} labelled rows of {@code time} ids. */
    public static Dataset dataset(int n, int time, long seed) {
        return of(rows(n, time, seed), time);
    }

    /** The labelled dataset of these raw rows. */
    public static Dataset of(List<Map<String, Object>> rows, int time) {
        Dataset.RowsBuilder b = Dataset.builder(schema(time));
        for (Map<String, Object> r : rows) {
            float[] ids = (float[]) r.get("tokens");
            b.add(ids, label(ids));
        }
        return b.build();
    }

    /** A copy of {@code ids} padded with zeros to {@code time} positions. */
    public static float[] padded(float[] ids, int time) {
        return java.util.Arrays.copyOf(ids, time);
    }
}
