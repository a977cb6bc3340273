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

    /** {@inheritDoc} Each step without its cross-row steps; steps that were nothing else are left out. */
    @Override
    public Transform withoutCrossRowSteps() {
        if (rowByRow()) {
            return this;
        }
        return new FittedPipeline(steps().stream().map(Transform::withoutCrossRowSteps).filter(t -> t != IdentityTransform.INSTANCE)
                .toList());
    }

    /** {@inheritDoc} True when every step is. */
    @Override
    public boolean rowByRow() {
        return steps().stream().allMatch(Transform::rowByRow);
    }

    @Override
    public Schema outputSchema(Schema input) {
        Schema s = input;
        for (Transform t : steps) {
            s = t.outputSchema(s);
        }
        return s;
    }

    /**
     * The fitted step at {@code index} as the type the caller expects, for example
     * {@code step(0, AffineTransform.class).center("x")}; fails naming the step's real type otherwise.
     */
    public <T extends Transform> T step(int index, Class<T> type) {
        if (index < 0 || index >= steps.size()) {
            throw new IndexOutOfBoundsException("step " + index + " of a pipeline of " + steps.size() + " steps");
        }
        Transform t = steps.get(index);
        if (!type.isInstance(t)) {
            throw new IllegalArgumentException("step " + index + " is a " + t.getClass().getSimpleName() + " (" + t
                    + "), not a " + type.getSimpleName());
        }
        return type.cast(t);
    }

    /**
     * Applies every step in order. Each intermediate dataset is closed as soon as the next exists, and
     * also when a step fails, so a failure leaves no memory behind.
     */
    @Override
    public Dataset apply(Dataset data) {
        outputSchema(data.schema());
        Dataset current = data;
        try {
            for (Transform t : steps) {
                Dataset next = t.apply(current);
                if (current != data) {
                    current.close();
                }
                current = next;
            }
            return current;
        } catch (RuntimeException | Error e) {
            if (current != data) {
                current.close();
            }
            throw e;
        }
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
