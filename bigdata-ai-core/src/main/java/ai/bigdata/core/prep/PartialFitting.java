package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a preprocessor from partial statistics of parts of the data instead of from one dataset: a
 * {@link PartialFit} in one pass, a {@link Pipeline} step by step (each step's statistics gathered over
 * the earlier fitted steps' output, part by part), nested pipelines alike. The result is the same kind
 * of {@link Transform} that {@link Preprocessor#fit} gives, with the same JSON when the statistics are
 * exact (see {@link PartialFit}). Who reads the parts, and where, is a {@link Passes}: here the parts of
 * a list, in a cluster its partitions.
 */
public final class PartialFitting {
    private PartialFitting() {
    }

    /** Runs one pass of a single step over every part of the data, and merges what the parts gathered. */
    public interface Passes {
        /**
         * The merged state of {@code fit} over all parts: each part first goes through {@code before} (the
         * fitted earlier steps; the identity for the first), then into a state of its own that starts as
         * a copy of {@code empty}; the parts' states are merged with {@link PartialFit#merge}. With no parts
         * at all, {@code empty} itself.
         *
         * @param empty the state of no rows for the schema the parts have after {@code before}
         */
        <S extends Serializable> S gather(PartialFit<S> fit, S empty, Transform before);
    }

    /**
     * Fits {@code preprocessor} over parts whose schema is {@code schema}, one pass per step through
     * {@code passes}.
     *
     * @throws PartialFitUnsupportedException before any pass, naming a step that cannot be fitted this way
     */
    public static Transform fit(Preprocessor preprocessor, Schema schema, Passes passes) {
        requireSupported(preprocessor);
        return fit(preprocessor, schema, List.of(), passes);
    }

    /**
     * Fits {@code preprocessor} over these parts (all of one schema), each summarised on its own and the
     * summaries merged in order, as a cluster would; the parts stay open and unchanged.
     */
    public static Transform fit(Preprocessor preprocessor, List<Dataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("fitting from parts needs at least one part (it gives the schema)");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == null) {
                throw new IllegalArgumentException("part " + i + " is null");
            }
            if (!parts.get(i).schema().equals(parts.get(0).schema())) {
                throw new IllegalArgumentException("part " + i + " has schema " + parts.get(i).schema() + ", part 0 has "
                        + parts.get(0).schema() + "; all parts must have one schema");
            }
        }
        return fit(preprocessor, parts.get(0).schema(), new ListPasses(parts));
    }

    /** Fails naming {@code preprocessor}, or a step of it, when it cannot be fitted from partial statistics. */
    public static void requireSupported(Preprocessor preprocessor) {
        if (preprocessor instanceof Pipeline p) {
            p.steps().forEach(PartialFitting::requireSupported);
        } else if (!(preprocessor instanceof PartialFit<?>)) {
            throw new PartialFitUnsupportedException(preprocessor);
        }
    }

    private static Transform fit(Preprocessor preprocessor, Schema schema, List<Transform> before, Passes passes) {
        if (preprocessor instanceof Pipeline p) {
            List<Transform> done = new ArrayList<>(before);
            List<Transform> fitted = new ArrayList<>();
            Schema current = schema;
            List<Preprocessor> steps = p.steps();
            for (int i = 0; i < steps.size(); i++) {
                Transform t = fit(steps.get(i), current, done, passes);
                fitted.add(t);
                done.add(t);
                if (i + 1 < steps.size()) {
                    current = t.outputSchema(current);
                }
            }
            return new FittedPipeline(fitted);
        }
        if (preprocessor instanceof PartialFit<?> f) {
            return fitOne(f, schema, before, passes);
        }
        throw new PartialFitUnsupportedException(preprocessor);
    }

    private static <S extends Serializable> Transform fitOne(PartialFit<S> fit, Schema schema, List<Transform> before, Passes passes) {
        if (fit instanceof SchemaOnlyFit) {
            // its transform depends on the schema alone: no pass over the data (on a cluster, no job)
            return fit.finish(fit.newState(schema));
        }
        Transform prefix = before.isEmpty() ? IdentityTransform.INSTANCE : new FittedPipeline(before);
        return fit.finish(passes.gather(fit, fit.newState(schema), prefix));
    }

    /** The parts of a list, read in order on this thread. */
    private record ListPasses(List<Dataset> parts) implements Passes {
        @Override
        public <S extends Serializable> S gather(PartialFit<S> fit, S empty, Transform before) {
            S total = null;
            for (Dataset part : parts) {
                try (Dataset prepared = before.apply(part)) {
                    S state = fit.accumulate(fit.newState(prepared.schema()), prepared);
                    total = total == null ? state : fit.merge(total, state);
                }
            }
            return total == null ? empty : total;
        }
    }
}
