package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines numeric, boolean and tensor columns into one float32 tensor column (by default
 * {@code features}), the layout that the batch bridge hands to ND4J without a copy. The fitted step
 * keeps the name of every slot for reports. By default it takes every feature column that is numeric,
 * boolean or a tensor, in schema order, and drops them from the output.
 */
public final class Assemble implements SchemaOnlyFit {
    private static final long serialVersionUID = 1L;

    private final String output;
    private final List<String> columns;

    private Assemble(String output, List<String> columns) {
        if (output == null || output.isEmpty()) {
            throw new IllegalArgumentException("the assembled column needs a name");
        }
        this.output = output;
        this.columns = columns == null ? null : List.copyOf(columns);
    }

    /** Assembles into a tensor column of this name. */
    public static Assemble into(String output) {
        return new Assemble(output, null);
    }

    /** Only these columns, in this order. */
    public Assemble columns(String... names) {
        return new Assemble(output, List.of(names));
    }

    /** {@inheritDoc} The slots come from the columns' types and widths; fits from parts of the data too. */
    @Override
    public Transform fitSchema(Schema schema) {
        List<String> cols = Statistics.choose(schema, columns,
                t -> t.isNumeric() || t == ColumnType.BOOLEAN || t == ColumnType.TENSOR, "numeric, boolean or tensor", "assembly");
        if (cols.isEmpty()) {
            throw new PreprocessingException(null, "assembly found no numeric, boolean or tensor feature column in "
                    + schema);
        }
        List<String> slots = new ArrayList<>();
        for (String c : cols) {
            Column col = schema.column(c);
            if (col.type() == ColumnType.TENSOR) {
                for (int k = 0; k < col.width(); k++) {
                    slots.add(c + "[" + k + "]");
                }
            } else {
                slots.add(c);
            }
        }
        return new AssembleTransform(output, cols, slots);
    }
}
