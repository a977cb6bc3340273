package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted steps applied in order; itself a {@link Transform}, serialisable like any other. */
public final class FittedPipeline implements Transform {
    private final List<Transform> steps;

    FittedPipeline(List<Transform> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The fitted steps, in order. */
    public List<Transform> steps() {
        return steps;
    }

    @Override
    public Schema outputSchema(Schema input) {
        Schema s = input;
        for (Transform t : steps) {
            s = t.outputSchema(s);
        }
        return s;
    }

    @Override
    public Dataset apply(Dataset data) {
        outputSchema(data.schema());
        Dataset current = data;
        for (Transform t : steps) {
            Dataset next = t.apply(current);
            if (current != data) {
                current.close();
            }
            current = next;
        }
        return current;
    }

    @Override
    public String kind() {
        return "pipeline";
    }

    @Override
    public Map<String, Object> parameters() {
        List<Object> list = new ArrayList<>();
        for (Transform t : steps) {
            list.add(TransformJson.toTree(t));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("steps", list);
        return p;
    }

    @SuppressWarnings("unchecked")
    static FittedPipeline fromParameters(Map<String, Object> p) {
        List<Transform> steps = new ArrayList<>();
        for (Object o : (List<Object>) p.get("steps")) {
            steps.add(TransformJson.fromTree((Map<String, Object>) o));
        }
        return new FittedPipeline(steps);
    }

    @Override
    public String toString() {
        return "FittedPipeline" + steps;
    }
}
