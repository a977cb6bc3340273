package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schema as plain maps and lists (for the bundle manifest) and back. */
final class SchemaMaps {
    private SchemaMaps() {
    }

    static List<Map<String, Object>> toList(Schema s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Column c : s.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type().name());
            m.put("role", c.role().name());
            if (c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE) {
                m.put("shape", Arrays.stream(c.shape()).boxed().toList());
            }
            if (c.type() == ColumnType.CATEGORICAL) {
                m.put("categories", c.categories());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The schema of the manifest field {@code path}.
     *
     * @throws ManifestFields.BadFieldException naming a missing or mistyped field
     */
    @SuppressWarnings("rawtypes")
    static Schema fromList(List<Map> list, String path) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> m = list.get(i);
            String at = path + "[" + i + "]";
            String name = ManifestFields.require(m, at, "name", String.class);
            ColumnType type = ManifestFields.enumValue(m, at, "type", ColumnType.class);
            ColumnRole role = ManifestFields.enumValue(m, at, "role", ColumnRole.class);
            if (type == ColumnType.TENSOR || type == ColumnType.SPARSE) {
                int[] shape = ManifestFields.list(m, at, "shape", Number.class).stream().mapToInt(Number::intValue).toArray();
                cols.add((type == ColumnType.TENSOR ? Column.tensor(name, shape) : Column.sparse(name, shape.length == 1 ? shape[0] : 0))
                        .withRole(role));
            } else if (type == ColumnType.CATEGORICAL) {
                cols.add(Column.categorical(name, role, ManifestFields.list(m, at, "categories", String.class)));
            } else {
                cols.add(Column.of(name, type, role));
            }
        }
        return new Schema(cols);
    }
}
