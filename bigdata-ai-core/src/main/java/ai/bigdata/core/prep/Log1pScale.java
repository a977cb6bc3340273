package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.List;

/**
 * {@code log(1 + x)} of the named columns or, by default, every numeric (not boolean) feature column,
 * as an unfitted value ({@link Scale#log1p()}); fitting only chooses the columns.
 */
public final class Log1pScale implements StatisticsFit {
    private static final long serialVersionUID = 1L;

    private final List<String> columns;

    Log1pScale(List<String> columns) {
        this.columns = columns;
    }

    /** Only these columns. */
    public Log1pScale columns(String... names) {
        return new Log1pScale(List.of(names));
    }

    @Override
    public Log1pTransform fit(Dataset data) {
        return new Log1pTransform(chooseColumns(data.schema()));
    }

    /** {@inheritDoc} Nothing is gathered: the state only holds the chosen columns. */
    @Override
    public PartialStatistics newState(Schema schema) {
        return PartialStatistics.of(chooseColumns(schema), null);
    }

    @Override
    public PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        state.addRows(part);
        return state;
    }

    /** {@inheritDoc} Exact (it has no statistics); like {@link #fit}, it needs no rows. */
    @Override
    public Log1pTransform finish(PartialStatistics state) {
        return new Log1pTransform(state.columns());
    }

    private List<String> chooseColumns(Schema schema) {
        return Statistics.choose(schema, columns, t -> t.isNumeric() || columns != null && t == ColumnType.BOOLEAN,
                "numeric", "log1p scaling");
    }

    @Override
    public String toString() {
        return "log1p scaler" + (columns == null ? "" : " of " + columns);
    }
}
