package ai.bigdata.core.eval;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Folds;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * K-fold cross-validation of a whole recipe: in each fold the preprocessor is fitted on the training
 * folds only, a fresh model is trained on them, and the held-out fold is evaluated. Folds are seeded
 * and may be stratified by the label. The trainer runs without validation data (the held-out fold is
 * never seen before evaluation), so it must not use early stopping.
 */
public final class CrossValidation {
    private final Preprocessor preprocessor;
    private final Supplier<? extends Network> model;
    private final Trainer trainer;
    private int folds = 5;
    private String stratify;
    private long seed = 42;

    private CrossValidation(Preprocessor preprocessor, Supplier<? extends Network> model, Trainer trainer) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.model = Objects.requireNonNull(model, "model");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /** Cross-validates a recipe: a preprocessor, a factory of untrained networks (any family) and a
     * trainer. */
    public static CrossValidation of(Preprocessor preprocessor, Supplier<? extends Network> model, Trainer trainer) {
        return new CrossValidation(preprocessor, model, trainer);
    }

    /** Number of folds (default 5). */
    public CrossValidation folds(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        this.folds = k;
        return this;
    }

    /** Stratifies the folds by this column (usually the label). */
    public CrossValidation stratifyBy(String column) {
        this.stratify = Objects.requireNonNull(column, "column");
        return this;
    }

    /** The seed of the fold assignment (default 42). */
    public CrossValidation seed(long s) {
        this.seed = s;
        return this;
    }

    /** Runs every fold and returns the per-fold reports with their means and deviations. */
    public CrossValidationReport run(Dataset data) {
        Folds.Builder b = data.kFold(folds).seed(seed);
        if (stratify != null) {
            b.stratifyBy(stratify);
        }
        Folds f = b.build();
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
            try (Split split = f.fold(i)) {
                Transform t = preprocessor.fit(split.train());
                try (Dataset train = t.apply(split.train()); Dataset held = t.apply(split.validation())) {
                    Network m = model.get();
                    trainer.fit(m, train);
                    reports.add(Evaluator.any().evaluate(m, held));
                }
            }
        }
        return new CrossValidationReport(reports);
    }
}
