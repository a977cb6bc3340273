package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;

/**
 * An unfitted preprocessing step: an immutable value that learns its statistics from one dataset.
 * Fitting reads only the dataset it is given (the training data); the result never changes.
 */
@FunctionalInterface
public interface Preprocessor {
    /** Learns from {@code data} and returns the fitted transform. */
    Transform fit(Dataset data);

    /** The step that changes nothing, for recipes that need no preprocessing; it saves and loads like any other. */
    static Preprocessor identity() {
        return data -> IdentityTransform.INSTANCE;
    }
}
