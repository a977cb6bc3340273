package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.Map;

/** A user transform for tests: keeps the listed column only, and carries a tag through JSON. */
public final class TaggedTransform implements Transform {
    private final String column;
    private final String tag;

    TaggedTransform(String column, String tag) {
        this.column = column;
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    @Override
    public Schema outputSchema(Schema input) {
        return Schema.of(input.column(column));
    }

    @Override
    public Dataset apply(Dataset data) {
        return data.select(column);
    }

    @Override
    public String kind() {
        return "test-tagged";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("column", column, "tag", tag);
    }

    @Override
    public String toString() {
        return "tagged '" + tag + "' of " + column;
    }

    /** Its reader, found through META-INF/services. */
    public static final class Kind implements TransformKind {
        @Override
        public String kind() {
            return "test-tagged";
        }

        @Override
        public Transform fromParameters(Map<String, Object> p) {
            return new TaggedTransform((String) p.get("column"), (String) p.get("tag"));
        }
    }
}
