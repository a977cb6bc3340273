package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable state of the library's own {@link PartialFit}s: the fitted columns, the row count, and
 * per column either numeric statistics (moments, extremes, and kept values or a quantile sketch where
 * the step needs quantiles) or category counts. Opaque: it is made, filled and finished by the
 * preprocessor that owns it, and serialises compactly (doubles bit for bit).
 */
public final class PartialStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> columns;
    private final Statistics.Quantiles quantiles;
    private long rows;
    private transient LinkedHashMap<String, NumericStatistics> numeric = new LinkedHashMap<>();
    private final LinkedHashMap<String, TreeMap<String, Long>> counts = new LinkedHashMap<>();
    private final LinkedHashMap<String, Long> missing = new LinkedHashMap<>();
    /** The JSON of the transform of a step that depends on the schema alone ({@link SchemaOnlyFit}); else null. */
    private String transformJson;

    private PartialStatistics(List<String> columns, Statistics.Quantiles quantiles) {
        this.columns = new ArrayList<>(columns);
        this.quantiles = quantiles;
    }

    /** Empty statistics of these columns; numeric ones find quantiles as {@code quantiles} says. */
    static PartialStatistics of(List<String> columns, Statistics.Quantiles quantiles) {
        return new PartialStatistics(columns, quantiles);
    }

    /** The state of a step whose transform {@code t} depends on the schema alone. */
    static PartialStatistics ofTransform(Transform t) {
        PartialStatistics s = new PartialStatistics(List.of(), null);
        s.transformJson = TransformJson.write(t);
        return s;
    }

    /** The transform of a {@link SchemaOnlyFit} step's state. */
    Transform transform() {
        if (transformJson == null) {
            throw new IllegalStateException("these partial statistics hold no transform");
        }
        return TransformJson.read(transformJson);
    }

    List<String> columns() {
        return columns;
    }

    /** Counts the rows of {@code part} without gathering anything else (for steps that need no statistics). */
    void addRows(Dataset part) {
        rows += part.rowCount();
    }

    /** Adds one streaming pass over the numeric columns of {@code part}. */
    void addNumeric(Dataset part) {
        addRows(part);
        requireExactFits();
        Map<String, NumericStatistics> partStats = Statistics.numeric(part, columns, quantiles);
        partStats.forEach((c, s) -> numeric.merge(c, s, PartialStatistics::combine));
    }

    /** Adds the rows of {@code part} and the missing values of each of its columns. */
    void addMissing(Dataset part) {
        addRows(part);
        for (ai.bigdata.core.data.ColumnSummary c : part.summary().columns()) {
            missing.merge(c.column().name(), c.missing(), Long::sum);
        }
    }

    /** The missing values counted in {@code column} (0 when none or never counted). */
    long missing(String column) {
        return missing.getOrDefault(column, 0L);
    }

    /** The rows seen. */
    long rows() {
        return rows;
    }

    /** Adds the category counts of a part of {@code partRows} rows. */
    void addCounts(Map<String, ? extends Map<String, Long>> partCounts, long partRows) {
        rows += partRows;
        partCounts.forEach((c, m) -> {
            TreeMap<String, Long> into = counts.computeIfAbsent(c, k -> new TreeMap<>());
            m.forEach((category, n) -> into.merge(category, n, Long::sum));
        });
    }

    /** {@code other} merged into these statistics; returns this. */
    PartialStatistics merge(PartialStatistics other) {
        if (!columns.equals(other.columns)) {
            throw new IllegalArgumentException("cannot merge partial statistics of " + columns + " with those of " + other.columns);
        }
        if (!java.util.Objects.equals(transformJson, other.transformJson)) {
            throw new IllegalArgumentException("cannot merge the states of parts with different schemas: " + transformJson
                    + " and " + other.transformJson);
        }
        rows += other.rows;
        requireExactFits();
        other.numeric.forEach((c, s) -> numeric.merge(c, s, PartialStatistics::combine));
        addCounts(other.counts, 0);
        other.missing.forEach((c, n) -> missing.merge(c, n, Long::sum));
        return this;
    }

    /**
     * Two columns' statistics merged; an empty side gives the other unchanged, so that one part's
     * statistics are bit for bit those of a pass over it alone.
     */
    private static NumericStatistics combine(NumericStatistics a, NumericStatistics b) {
        if (a.count() == 0 && a.missing() == 0) {
            return b;
        }
        if (b.count() == 0 && b.missing() == 0) {
            return a;
        }
        return a.count() == 0 ? b.merge(a) : a.merge(b);
    }

    private void requireExactFits() {
        if (quantiles != null && quantiles.exact() && !columns.isEmpty()) {
            QuantileSketch.requireExactFits(rows, columns.size(), quantiles.step(), columns.get(0), quantiles.option());
        }
    }

    /** Fails as a local fit does when no part had a row. */
    void requireRows(String step) {
        Statistics.requireRows(rows, step);
    }

    /** The numeric statistics of every column, in column order (empty statistics for a column never seen). */
    Map<String, NumericStatistics> numeric() {
        Map<String, NumericStatistics> out = new LinkedHashMap<>();
        for (String c : columns) {
            out.put(c, numeric.containsKey(c) ? numeric.get(c) : quantiles != null && quantiles.sketchK() > 0
                    ? NumericStatistics.sketched(quantiles.sketchK()) : new NumericStatistics(quantiles != null && quantiles.exact()));
        }
        return out;
    }

    /** The category counts of a column, sorted by category (empty when it never had one). */
    TreeMap<String, Long> counts(String column) {
        return counts.getOrDefault(column, new TreeMap<>());
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(numeric.size());
        for (Map.Entry<String, NumericStatistics> e : numeric.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().write(out);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        numeric = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String column = in.readUTF();
            numeric.put(column, NumericStatistics.read(in));
        }
    }

    @Override
    public String toString() {
        return "partial statistics of " + rows + " rows over " + columns;
    }
}
