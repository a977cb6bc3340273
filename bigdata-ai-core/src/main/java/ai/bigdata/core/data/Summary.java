package ai.bigdata.core.data;

import java.util.List;
import java.util.stream.Collectors;

/** Per-column statistics of a dataset, as returned by {@link Dataset#summary()}. */
public final class Summary {
    private final long rows;
    private final List<ColumnSummary> columns;

    Summary(long rows, List<ColumnSummary> columns) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
    }

    /** Number of rows. */
    public long rows() {
        return rows;
    }

    /** One summary per column, in schema order. */
    public List<ColumnSummary> columns() {
        return columns;
    }

    /** The summary of a named column. */
    public ColumnSummary column(String name) {
        return columns.stream().filter(c -> c.column().name().equals(name)).findFirst()
                .orElseThrow(() -> new ColumnNotFoundException(name,
                        columns.stream().map(c -> c.column().name()).collect(Collectors.toList())));
    }

    @Override
    public String toString() {
        return rows + " rows\n" + columns.stream().map(ColumnSummary::toString).collect(Collectors.joining("\n"));
    }
}
