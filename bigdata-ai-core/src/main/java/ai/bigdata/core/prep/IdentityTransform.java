package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.Map;

/** The fitted step that changes nothing: for recipes that need no preprocessing. */
public final class IdentityTransform implements Transform {
    static final IdentityTransform INSTANCE = new IdentityTransform();

    private IdentityTransform() {
    }

    @Override
    public Schema outputSchema(Schema input) {
        return input;
    }

    /** A view of every column of {@code data} (no copy); close it like any other result. */
    @Override
    public Dataset apply(Dataset data) {
        return data.select(data.schema().names().toArray(new String[0]));
    }

    @Override
    public String kind() {
        return "identity";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    static IdentityTransform fromParameters(Map<String, Object> p) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "identity";
    }
}
