package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import java.util.ArrayList;
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
public final class CategoryImpute implements Preprocessor {
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
        List<String> cols = Statistics.choose(data.schema(), columns, t -> t == ColumnType.CATEGORICAL, "categorical",
                "category imputation");
        Statistics.requireRows(data, "category imputation");
        List<String> values = new ArrayList<>();
        for (String c : cols) {
            values.add(constant != null ? constant : mostFrequent(data, c));
        }
        return new CategoryImputeTransform(cols, values, indicators);
    }

    private static String mostFrequent(Dataset data, String column) {
        Map<String, Long> counts = new TreeMap<>();
        data.forEachRow(r -> {
            if (!r.isNull(column)) {
                counts.merge(r.getString(column), 1L, Long::sum);
            }
        });
        if (counts.isEmpty()) {
            throw new PreprocessingException(column, "category imputation found no present value: every row is missing");
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
