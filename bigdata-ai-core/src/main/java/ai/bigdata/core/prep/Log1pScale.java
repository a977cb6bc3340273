package ai.bigdata.core.prep;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.List;

/**
 * {@code log(1 + x)} of the named columns or, by default, every numeric (not boolean) feature column,
 * as an unfitted value ({@link Scale#log1p()}); fitting only chooses the columns.
 */
public final class Log1pScale implements SchemaOnlyFit {
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
    public Log1pTransform fit(ai.bigdata.core.data.Dataset data) {
        return fitSchema(data.schema());
    }

    /** {@inheritDoc} Fitting only chooses the columns; it fits from parts of the data too, without a pass. */
    @Override
    public Log1pTransform fitSchema(Schema schema) {
        return new Log1pTransform(chooseColumns(schema));
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
