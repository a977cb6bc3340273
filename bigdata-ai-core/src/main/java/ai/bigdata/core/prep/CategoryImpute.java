package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imputation of categorical columns, as an unfitted value ({@link Impute#mostFrequentCategory(String...)},
 * {@link Impute#constantCategory(String, String...)}): missing values become the most frequent category of
 * the fitted data (ties to the first by name) or a constant category. It applies to the named columns
 * or, by default, every categorical feature column; {@link #withIndicators()} adds a boolean
 * {@code <column>_missing} column per imputed column, as {@link Impute#withIndicators()} does.
 */
public final class CategoryImpute implements StatisticsFit {
    private static final long serialVersionUID = 1L;
    private static final String STEP = "category imputation";

    private final String constant;
    private final List<String> columns;
    private final boolean indicators;

    CategoryImpute(String constant, List<String> columns, boolean indicators) {
        this.constant = constant;
        this.columns = columns;
        this.indicators = indicators;
    }

    /** Only these columns. */
    public CategoryImpute columns(String... names) {
        return new CategoryImpute(constant, List.of(names), indicators);
    }

    /** Also adds a boolean {@code <column>_missing} column per imputed column. */
    public CategoryImpute withIndicators() {
        return new CategoryImpute(constant, columns, true);
    }

    @Override
    public CategoryImputeTransform fit(Dataset data) {
        List<String> cols = chooseColumns(data.schema());
        Statistics.requireRows(data, STEP);
        List<String> values = new ArrayList<>();
        for (String c : cols) {
            values.add(constant != null ? constant : mostFrequent(c, presentCounts(data, c)));
        }
        return new CategoryImputeTransform(cols, values, indicators);
    }

    /** {@inheritDoc} The state counts each present category of each column (nothing for a constant). */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), null);
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        if (constant != null) {
            state.addRows(part);
            return state;
        }
        Map<String, TreeMap<String, Long>> counts = new LinkedHashMap<>();
        for (String c : state.columns()) {
            counts.put(c, presentCounts(part, c));
        }
        state.addCounts(counts, part.rowCount());
        return state;
    }

    /** {@inheritDoc} Exact: the counts, and so the most frequent category, are a local fit's. */
    @Override
    public CategoryImputeTransform finish(PartialStatistics state) {
        state.requireRows(STEP);
        List<String> values = new ArrayList<>();
        for (String c : state.columns()) {
            values.add(constant != null ? constant : mostFrequent(c, state.counts(c)));
        }
        return new CategoryImputeTransform(state.columns(), values, indicators);
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t == ColumnType.CATEGORICAL, "categorical", STEP);
    }

    /** The count of each present category of {@code column}, sorted by category. */
    private static TreeMap<String, Long> presentCounts(Dataset data, String column) {
        TreeMap<String, Long> counts = new TreeMap<>();
        data.forEachRow(r -> {
            if (!r.isNull(column)) {
                counts.merge(r.getString(column), 1L, Long::sum);
            }
        });
        return counts;
    }

    /** The most frequent category; ties go to the first by name. */
    private static String mostFrequent(String column, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            throw new PreprocessingException(column, STEP + " found no present value: every row is missing");
        }
        String best = null;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return (constant == null ? "most-frequent" : "constant '" + constant + "'") + " category imputer"
                + (columns == null ? "" : " of " + columns);
    }
}
