package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Row;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cleaning step that keeps or drops rows: exact duplicates (over all columns or key columns, the
 * first or the last kept), or rows with more missing values than a fraction of the columns. Stateless:
 * nothing is fitted.
 */
public final class RowFilterTransform implements Transform {
    /** The rule a row filter applies. */
    enum Rule { DUPLICATES, MISSING }

    private final Rule rule;
    private final List<String> keys;
    private final double maxMissing;
    private final boolean keepLast;

    RowFilterTransform(Rule rule, List<String> keys, double maxMissing, boolean keepLast) {
        this.rule = rule;
        this.keys = keys == null ? null : List.copyOf(keys);
        this.maxMissing = maxMissing;
        this.keepLast = keepLast;
    }

    /** {@inheritDoc} False for duplicate dropping, which compares each row with every other. */
    @Override
    public boolean rowByRow() {
        return rule != Rule.DUPLICATES;
    }

    @Override
    public Schema outputSchema(Schema input) {
        if (keys != null) {
            for (String k : keys) {
                if (!input.contains(k)) {
                    throw new PreprocessingException(k, "duplicate keys name a column the data does not have; columns are "
                            + input.names());
                }
            }
        }
        return input;
    }

    @Override
    public Dataset apply(Dataset data) {
        outputSchema(data.schema());
        List<String> cols = keys != null ? keys : data.schema().names();
        if (rule == Rule.DUPLICATES && keepLast) {
            Map<List<Object>, Long> last = new HashMap<>();
            long[] at = {0};
            data.forEachRow(r -> last.put(key(r, cols), at[0]++));
            long[] pos = {0};
            return data.filter(r -> last.get(key(r, cols)) == pos[0]++);
        }
        if (rule == Rule.DUPLICATES) {
            Set<List<Object>> seen = new HashSet<>();
            return data.filter(r -> seen.add(key(r, cols)));
        }
        int n = data.schema().size();
        return data.filter(r -> missing(r, cols) <= maxMissing * n);
    }

    private static List<Object> key(Row r, List<String> cols) {
        List<Object> k = new ArrayList<>(cols.size());
        for (String c : cols) {
            Object v = r.get(c);
            k.add(v instanceof float[] ? java.util.Arrays.toString((float[]) v) : v);
        }
        return k;
    }

    private static int missing(Row r, List<String> cols) {
        int m = 0;
        for (String c : cols) {
            if (r.isNull(c)) {
                m++;
            }
        }
        return m;
    }

    @Override
    public String kind() {
        return "row-filter";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rule", rule.name());
        p.put("keys", keys);
        p.put("maxMissing", maxMissing);
        p.put("keepLast", keepLast);
        return p;
    }

    @SuppressWarnings("unchecked")
    static RowFilterTransform fromParameters(Map<String, Object> p) {
        return new RowFilterTransform(Rule.valueOf((String) p.get("rule")), (List<String>) p.get("keys"),
                ((Number) p.get("maxMissing")).doubleValue(), Boolean.TRUE.equals(p.get("keepLast")));
    }

    @Override
    public String toString() {
        if (rule == Rule.DUPLICATES) {
            return "dropping duplicate rows" + (keys == null ? "" : " by " + keys) + (keepLast ? ", keeping the last" : ", keeping the first");
        }
        return "dropping rows missing more than " + maxMissing + " of their values";
    }
}
