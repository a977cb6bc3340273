package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps fitted one after another: each step is fitted on the output of the steps before it, applied
 * to the training data only. The result is a {@link FittedPipeline}.
 */
public final class Pipeline implements Preprocessor {
    private final List<Preprocessor> steps;

    private Pipeline(List<Preprocessor> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    /** A pipeline of these steps, in order. */
    public static Pipeline of(Preprocessor... steps) {
        return new Pipeline(List.of(steps));
    }

    /** The steps, in order (for {@link PartialFitting}). */
    List<Preprocessor> steps() {
        return steps;
    }

    @Override
    public FittedPipeline fit(Dataset data) {
        List<Transform> fitted = new ArrayList<>();
        Dataset current = data;
        try {
            for (int i = 0; i < steps.size(); i++) {
                Transform t = steps.get(i).fit(current);
                fitted.add(t);
                if (i + 1 < steps.size()) {
                    Dataset next = t.apply(current);
                    if (current != data) {
                        current.close();
                    }
                    current = next;
                }
            }
        } finally {
            if (current != data) {
                current.close();
            }
        }
        return new FittedPipeline(fitted);
    }

    @Override
    public String toString() {
        return "Pipeline" + steps;
    }
}
