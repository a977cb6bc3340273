package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted column dropping: the columns chosen at fit time (for example, too often missing) are left out. */
public final class DropColumnsTransform implements Transform {
    private final List<String> columns;

    DropColumnsTransform(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The dropped columns. */
    public List<String> dropped() {
        return columns;
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<ai.bigdata.core.data.Column> out = new ArrayList<>();
        for (String c : columns) {
            if (!input.contains(c)) {
                throw new PreprocessingException(c, "was chosen for dropping at fit time but the data has no such column");
            }
        }
        for (ai.bigdata.core.data.Column c : input.columns()) {
            if (!columns.contains(c.name())) {
                out.add(c);
            }
        }
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        outputSchema(data.schema());
        return data.drop(columns.toArray(String[]::new));
    }

    @Override
    public String kind() {
        return "drop-columns";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        return p;
    }

    @SuppressWarnings("unchecked")
    static DropColumnsTransform fromParameters(Map<String, Object> p) {
        return new DropColumnsTransform((List<String>) p.get("columns"));
    }

    @Override
    public String toString() {
        return "dropping columns " + columns;
    }
}
