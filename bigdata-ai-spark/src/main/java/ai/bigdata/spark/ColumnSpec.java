package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A core column in a form that travels to executors inside a Spark task (core's {@code Column} is not serializable). */
final class ColumnSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ColumnType type;
    private final ColumnRole role;
    private final int[] shape;
    private final ArrayList<String> categories;

    private ColumnSpec(Column c) {
        this.name = c.name();
        this.type = c.type();
        this.role = c.role();
        this.shape = c.shape();
        this.categories = new ArrayList<>(c.categories());
    }

    /** The specs of every column of {@code schema}, in order. */
    static ArrayList<ColumnSpec> of(Schema schema) {
        ArrayList<ColumnSpec> specs = new ArrayList<>();
        for (Column c : schema.columns()) {
            specs.add(new ColumnSpec(c));
        }
        return specs;
    }

    /** The schema the specs describe. */
    static Schema schema(List<ColumnSpec> specs) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec s : specs) {
            columns.add(s.column());
        }
        return new Schema(columns);
    }

    private Column column() {
        switch (type) {
            case TENSOR:
                return Column.tensor(name, shape).withRole(role);
            case SPARSE:
                return Column.sparse(name, shape[0]).withRole(role);
            case CATEGORICAL:
                return Column.categorical(name, role, categories);
            default:
                return Column.of(name, type, role);
        }
    }
}
